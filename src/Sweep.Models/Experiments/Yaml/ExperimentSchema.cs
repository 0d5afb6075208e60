using static Sweep.Models.Experiments.Yaml.SchemaNode;

namespace Sweep.Models.Experiments.Yaml;

/// <summary>Every key the experiment file accepts (README's YAML reference lists them).</summary>
internal static class ExperimentSchema
{
    public static SchemaNode Data { get; } = Map(
        ("inline", Map(("x", Leaf), ("y", Leaf))),
        ("csv", Map(("path", Leaf), ("features", Leaf), ("target", Leaf), ("one_hot", Leaf))),
        ("idx", Map(("images", Leaf), ("labels", Leaf), ("test_images", Leaf), ("test_labels", Leaf))),
        ("synthetic", Map(("kind", Leaf), ("n", Leaf), ("noise", Leaf), ("features", Leaf), ("classes", Leaf),
                          ("slope", Leaf), ("intercept", Leaf))),
        ("validation", Leaf),
        ("normalize", Leaf),
        ("limit", Leaf));

    public static SchemaNode Layer { get; } = Map(
        ("units", Leaf), ("activation", Leaf), ("clip_min", Leaf), ("clip_max", Leaf), ("weights", Leaf), ("bias", Leaf));

    public static SchemaNode Model { get; } = Map(
        ("kind", Leaf), ("layers", List(Layer)), ("init", Leaf), ("hidden", Leaf), ("activation", Leaf), ("output", Leaf));

    public static SchemaNode Optimizer { get; } = MapWithShorthand(
        "name",
        ("name", Leaf), ("momentum", Leaf), ("nesterov", Leaf), ("beta1", Leaf), ("beta2", Leaf), ("eps", Leaf),
        ("rho", Leaf), ("decay", Leaf));

    public static SchemaNode Training { get; } = Map(
        ("epochs", Leaf), ("loss", Leaf), ("optimizer", Optimizer), ("learning_rate", Leaf),
        ("weight_decay", Map(("l1", Leaf), ("l2", Leaf))), ("batch", Leaf), ("shuffle", Leaf),
        ("early_stop", Map(("divergence", Leaf), ("patience", Leaf))));

    public static SchemaNode Search { get; } = Map(
        ("strategy", Leaf), ("parallel", Leaf), ("repeats", Leaf), ("trials", Leaf), ("parameters", Free),
        ("target", Leaf), ("start", Leaf), ("min", Leaf), ("max", Leaf), ("resolution", Leaf), ("budget", Leaf),
        ("decades", Leaf), ("metric", Leaf), ("target_loss", Leaf), ("tolerance", Leaf), ("steps", Leaf), ("smoothing", Leaf),
        ("stop_factor", Leaf),
        ("diagnosis", Map(
            ("tail_fraction", Leaf), ("still_falling", Leaf), ("steady_share", Leaf), ("material_step", Leaf),
            ("min_reversals", Leaf), ("margin", Leaf), ("converged_share", Leaf), ("overfit_rise", Leaf))));

    public static SchemaNode Trainer { get; } = Map(
        ("command", Leaf), ("cwd", Leaf), ("env", Free), ("timeout", Leaf), ("idle_timeout", Leaf), ("kill_grace", Leaf),
        ("metrics", Leaf));

    public static SchemaNode Root { get; } = Map(
        ("name", Leaf), ("description", Leaf), ("seed", Leaf), ("data", Data), ("model", Model),
        ("training", Training), ("trainer", Trainer), ("params", Free), ("search", Search));

    /// <summary>The parts of the file a search parameter may set: everything but the search block, the trainer and the labels.</summary>
    public static SchemaNode Searchable { get; } = Map(
        ("seed", Leaf), ("data", Data), ("model", Model), ("training", Training), ("params", Free));

    public static SchemaNode ParameterSpace { get; } = Map(
        ("values", Leaf),
        ("log", Map(("min", Leaf), ("max", Leaf), ("per_decade", Leaf))),
        ("linear", Map(("min", Leaf), ("max", Leaf), ("step", Leaf))),
        ("loguniform", Map(("min", Leaf), ("max", Leaf))),
        ("uniform", Map(("min", Leaf), ("max", Leaf))),
        ("include_zero", Leaf));
}
