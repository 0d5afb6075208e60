namespace Sweep.Models.Tests;

public sealed class PathSegmentTests
{
    [Theory]
    [InlineData("quickstart")]
    [InlineData("linear-lr-effect")]
    [InlineData("y3x c2f v2.1")]
    [InlineData("taux-d'apprentissage-café")]
    [InlineData("学习率")]
    public void A_readable_name_is_kept_as_it_is(string name) => Assert.Equal(name, PathSegment.Of(name));

    [Theory]
    [InlineData("../../escaped")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\temp")]
    [InlineData("what?*<>|\"")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("trailing.")]
    [InlineData("trailing ")]
    [InlineData(".hidden")]
    [InlineData("CON")]
    [InlineData("nul.txt")]
    [InlineData("")]
    public void A_name_that_is_no_safe_segment_becomes_one_that_stays_in_its_folder(string name)
    {
        var segment = PathSegment.Of(name);
        var folder = Path.Combine(Path.GetTempPath(), "reports");

        Assert.NotEqual(name, segment);
        Assert.NotEmpty(segment);
        Assert.DoesNotContain("..", segment, StringComparison.Ordinal);
        Assert.Equal(-1, segment.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\t', '\n']));
        Assert.False(segment.EndsWith('.') || segment.EndsWith(' ') || segment.StartsWith('.'));
        Assert.Equal(folder, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, segment))));
    }

    [Fact]
    public void A_changed_name_keeps_its_readable_part_and_gains_a_short_hash() =>
        Assert.Matches("^______escaped-[0-9a-f]{8}$", PathSegment.Of("../../escaped"));

    [Theory]
    [InlineData("a/b", "a\\b")]
    [InlineData("a/b", "a_b")]
    [InlineData("a:b", "a?b")]
    [InlineData("..", ".")]
    [InlineData("", "_")]
    public void Different_names_never_share_a_segment(string one, string other) =>
        Assert.NotEqual(PathSegment.Of(one), PathSegment.Of(other));

    [Fact]
    public void The_same_name_is_always_the_same_segment() =>
        Assert.Equal(PathSegment.Of("a/b"), PathSegment.Of("a/b"));

    [Fact]
    public void A_very_long_name_is_cut_and_the_hash_keeps_long_names_apart()
    {
        var one = PathSegment.Of(new string('x', 300) + "1");
        var other = PathSegment.Of(new string('x', 300) + "2");

        Assert.True(one.Length <= 80, one);
        Assert.NotEqual(one, other);
        Assert.StartsWith(new string('x', 64), one, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_a_character_beyond_the_basic_plane_is_never_split_in_half()
    {
        var name = new string('x', 63) + "😀";

        Assert.Equal(new string('x', 63) + "-", PathSegment.Of(name)[..64]);
    }
}
