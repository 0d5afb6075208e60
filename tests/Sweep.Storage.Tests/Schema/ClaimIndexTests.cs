using Sweep.Storage.Sql;
using Sweep.Storage.Sqlite;

namespace Sweep.Storage.Tests.Schema;

/// <summary>SQLite claims through the partial index of claimable trials, and reads trials a page at a time along their keys.</summary>
public sealed class ClaimIndexTests : StoreTestBase
{
    [Fact]
    public void Claiming_the_next_trial_walks_the_claim_index_instead_of_sorting_every_trial()
    {
        var store = OpenStore();
        var (experimentId, _, _) = Planned(store, rates: 10, decays: 5);

        var plan = QueryPlan(SqliteResultStore.ClaimCandidatesSql, new { ExperimentId = experimentId, Count = 5 });

        Assert.Contains("USING INDEX trials_claimable", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_trials_walks_their_keys_instead_of_sorting_every_trial()
    {
        var store = OpenStore();
        var (experimentId, _, _) = Planned(store, rates: 10, decays: 5);

        var plan = QueryPlan(TrialSql.Page, new { ExperimentId = experimentId, Key = 7, Limit = 10 });

        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN trials", plan, StringComparison.Ordinal);
    }
}
