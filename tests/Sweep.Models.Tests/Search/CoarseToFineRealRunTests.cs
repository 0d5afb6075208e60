using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;
using Xunit.Abstractions;

namespace Sweep.Models.Tests.Search;

public class CoarseToFineRealRunTests(ITestOutputHelper output)
{
    private const double Min = 1e-5;
    private const double Max = 10;

    [Theory]
    [InlineData(0.01, 100)]
    [InlineData(0.001, 60)]
    [InlineData(1.0, 200)]
    public void Coarse_to_fine_on_a_real_regression_picks_below_the_divergence_bound_within_3_percent_of_a_dense_grid(double start, int epochs)
    {
        var problem = new LinearRegressionProblem(epochs);
        var settings = new CoarseToFineSettings(CoarseToFineSettings.DefaultTarget, start, Min, Max, 2, 40, 2, SelectionMetric.FinalLoss, null);
        var results = new Dictionary<double, TrialResult>();

        var (decision, stages, tried) = SearchDriver.Drive(new CoarseToFineSearch(settings, start), (values, _) =>
        {
            foreach (var value in values)
            {
                results[value] = problem.Train(value);
            }

            // Each stage's trials are diagnosed against everything tried so far, as the runner will.
            var all = results.Values.ToList();
            var diagnoses = CurveDiagnosis.OfSweep(all);
            return [.. values.Select(v => new RatePoint(v, TrialMetric.Of(results[v], SelectionMetric.FinalLoss), diagnoses[all.IndexOf(results[v])].Label))];
        });
        var dense = Enumerable.Range(0, 60).Select(i => Min * Math.Pow(Max / Min, i / 59.0))
            .Select(rate => (Rate: rate, Loss: TrialMetric.Of(problem.Train(rate), SelectionMetric.FinalLoss)))
            .MinBy(p => p.Loss);

        output.WriteLine(string.Join(Environment.NewLine, decision.Story));
        output.WriteLine($"bound {problem.DivergenceBound:G4}, pick {decision.Value} loss {decision.Metric:G6}, dense best {dense.Rate:G4} loss {dense.Loss:G6}, trials {decision.Trials} in {stages.Count} stages");
        Assert.True(decision.Value < problem.DivergenceBound, $"picked {decision.Value} above the bound {problem.DivergenceBound}");
        Assert.InRange(decision.Metric, 0, dense.Loss * 1.03);
        Assert.InRange(decision.Trials, 1, settings.Budget);
        Assert.Equal(tried.Count, tried.Select(p => p.Value).Distinct().Count());
    }

    [Fact]
    public void Rates_just_above_the_closed_form_bound_diverge_and_just_below_do_not()
    {
        var problem = new LinearRegressionProblem();

        Assert.Equal(TrialStatus.Diverged, problem.Train(problem.DivergenceBound * 1.1).Status);
        Assert.Equal(TrialStatus.Completed, problem.Train(problem.DivergenceBound * 0.9).Status);
    }
}
