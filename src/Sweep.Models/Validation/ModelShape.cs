namespace Sweep.Models.Validation;

/// <summary>
/// How a layers model must fit its data: the first layer takes one input per feature, so explicit weights
/// have one value per feature in each row, and the last layer has one unit per target value (one per class
/// when the target is one-hot). Checked from the file when it tells the widths, else from the loaded data.
/// </summary>
internal static class ModelShape
{
    public static string? InputProblem(string weightsPath, int weightsPerRow, int inputs) =>
        weightsPerRow == inputs
            ? null
            : $"{weightsPath} rows have {weightsPerRow} values but the layer has {inputs} inputs; give one weight per input";

    public static string? OutputProblem(int units, int targets) =>
        units == targets
            ? null
            : $"the last layer of model.layers has {units} units but the data has {targets} target values per sample; set its units: {targets}";
}
