namespace Sweep.Models.Tests.Experiments;

/// <summary>
/// Broken experiment files and the first problem each must report, as <c>line:column: message</c>.
/// Each starts from a small valid file so that exactly one thing is wrong.
/// </summary>
public static class MalformedExperiments
{
    private const string Data = "data:\n  inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}\n";
    private const string Model = "model:\n  layers: [{units: 1, activation: linear}]\n";
    private const string Training = "training:\n  epochs: 10\n";
    private const string Valid = "name: t\n" + Data + Model + Training;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "empty file", "", "1:1: the file is empty; an experiment needs at least name, data, model and training" },
        { "only comments", "# nothing here\n\n# still nothing\n", "1:1: the file is empty; an experiment needs at least name, data, model and training" },
        { "bad indentation", "name: t\ndata:\n  inline: 1\n bad: 2\n", "4:2: malformed YAML: While parsing a block mapping, did not find expected key." },
        { "unclosed flow mapping", "name: t\ndata: {inline: 1\nmodel: 2\n", "3:9: malformed YAML: the file ends inside an open [ ] or { }; close it" },
        { "unclosed flow list", "name: t\nseed: [1, 2\n", "3:1: malformed YAML: While parsing a flow sequence, did not find expected ',' or ']'." },
        { "duplicate key", Valid + "name: again\n", "8:1: malformed YAML: Duplicate key name" },
        { "root is a list", "- name: t\n", "1:1: an experiment must be a mapping of keys (name, data, model, training, search)" },
        { "misspelt top-level key", Valid + "trainig: {}\n", "8:1: unknown key 'trainig' in the experiment; did you mean 'training'?" },
        { "misspelt data key", Valid.Replace("data:\n", "data:\n  validaton: 0.2\n"), "3:3: unknown key 'validaton' in data; did you mean 'validation'?" },
        { "missing name", Data + Model + Training, "1:1: name is missing; add e.g. 'name: my-experiment'" },
        { "missing model", "name: t\n" + Data + Training, "1:1: model is missing; add e.g. 'model: {layers: [{units: 1}]}'" },
        { "missing epochs", "name: t\n" + Data + Model + "training:\n  loss: mse\n", "7:3: training.epochs is missing; add e.g. 'epochs: 100'" },
        { "epochs not a number", Valid.Replace("epochs: 10", "epochs: ten"), "7:11: training.epochs must be a whole number, got 'ten'" },
        { "epochs zero", Valid.Replace("epochs: 10", "epochs: 0"), "7:11: training.epochs must be at least 1, got '0'" },
        { "learning rate zero", Valid + "  learning_rate: 0\n", "8:18: training.learning_rate must be greater than 0, got '0'" },
        { "learning rate negative", Valid + "  learning_rate: -0.1\n", "8:18: training.learning_rate must be greater than 0, got '-0.1'" },
        { "batch zero", Valid + "  batch: 0\n", "8:10: training.batch must be full, sgd or a whole number of at least 1, got '0'" },
        { "batch word", Valid + "  batch: half\n", "8:10: training.batch must be full, sgd or a whole number of at least 1, got 'half'" },
        { "negative l1", Valid + "  weight_decay: {l1: -0.01}\n", "8:22: training.weight_decay.l1 must be 0 or more, got '-0.01'" },
        { "negative l2", Valid + "  weight_decay: {l2: -1}\n", "8:22: training.weight_decay.l2 must be 0 or more, got '-1'" },
        { "unknown loss", Valid + "  loss: msee\n", "8:9: training.loss must be one of mse, mae, bce, cce; got 'msee'; did you mean 'mse'?" },
        { "unknown optimizer", Valid + "  optimizer: adma\n", "8:14: training.optimizer must be one of sgd, adam, rmsprop, adamw; got 'adma'; did you mean 'adam'?" },
        { "momentum with adam", Valid + "  optimizer: {name: adam, momentum: 0.9}\n", "8:27: training.optimizer.momentum applies only to optimizer sgd" },
        { "nesterov without momentum", Valid + "  optimizer: {name: sgd, nesterov: true}\n", "8:36: training.optimizer.nesterov needs a momentum above 0" },
        { "divergence factor too small", Valid + "  early_stop: {divergence: 0.5}\n", "8:28: training.early_stop.divergence must be greater than 1, got '0.5'" },
        { "validation fraction of one", Valid.Replace("data:\n", "data:\n  validation: 1\n"), "3:15: data.validation must be at least 0 and below 1, got '1'" },
        { "unknown normalization", Valid.Replace("data:\n", "data:\n  normalize: zscore\n"), "3:14: data.normalize must be one of none, standard, minmax, scale; got 'zscore'" },
        { "ragged inline rows", Valid.Replace("[[1], [2], [3], [4]]", "[[1], [2, 5], [3], [4]]"), "3:21: data.inline.x[1] has 2 values but data.inline.x[0] has 1; every row needs the same number" },
        { "inline row not a number", Valid.Replace("[[1], [2], [3], [4]]", "[[1], [two], [3], [4]]"), "3:22: data.inline.x[1][0] must be a number, got 'two'" },
        { "fewer targets than samples", Valid.Replace("[[3], [6], [9], [12]]", "[[3], [6], [9]]"), "3:40: data.inline.y has 3 rows but data.inline.x has 4; give one target row per sample" },
        { "two data sources", Valid.Replace("data:\n", "data:\n  synthetic: {kind: linear}\n"), "3:3: data has more than one source (inline and synthetic); keep one" },
        { "no data source", "name: t\ndata:\n  validation: 0.1\n" + Model + Training, "3:3: data needs a source: one of inline, csv, idx, synthetic" },
        { "missing csv file", "name: t\ndata:\n  csv: {path: nowhere.csv, target: y}\n" + Model + Training, "3:15: data.csv.path names a file that does not exist: nowhere.csv (looked for {dir}/nowhere.csv)" },
        { "missing idx images", "name: t\ndata:\n  idx: {images: train-images.gz}\n" + Model + Training, "3:17: data.idx.images names a file that does not exist: train-images.gz (looked for {dir}/train-images.gz)" },
        { "unknown synthetic kind", "name: t\ndata:\n  synthetic: {kind: moons}\n" + Model + Training, "3:21: data.synthetic.kind must be one of linear, clip, blobs, spiral; got 'moons'" },
        { "slope for blobs", "name: t\ndata:\n  synthetic: {kind: blobs, slope: 2}\n" + "model:\n  layers: [{units: 3, activation: softmax}]\n" + Training, "3:28: data.synthetic.slope applies only to kind linear" },
        { "layer without units", Valid.Replace("{units: 1, activation: linear}", "{activation: linear}"), "5:12: model.layers[0].units is missing; add e.g. 'units: 1'" },
        { "unknown activation", Valid.Replace("activation: linear", "activation: relu6"), "5:35: model.layers[0].activation must be one of linear, sigmoid, tanh, relu, softmax, clip; got 'relu6'; did you mean 'relu'?" },
        { "clip bounds on relu", Valid.Replace("activation: linear", "activation: relu, clip_max: 250"), "5:41: model.layers[0].clip_max applies only to activation clip" },
        { "weights of the wrong shape", Valid.Replace("{units: 1, activation: linear}", "{units: 1, weights: [[0.1, 0.2]]}"), "5:32: model.layers[0].weights rows have 2 values but the layer has 1 inputs; give one weight per input" },
        { "bias of the wrong length", Valid.Replace("{units: 1, activation: linear}", "{units: 1, bias: [0, 0]}"), "5:29: model.layers[0].bias has 2 values but the layer has 1 units; give one bias per unit" },
        { "output wider than targets", Valid.Replace("{units: 1, activation: linear}", "{units: 2, activation: linear}"), "5:12: the last layer of model.layers has 2 units but the data has 1 target values per sample" },
        { "bce without sigmoid", Valid + "  loss: bce\n", "8:9: training.loss bce needs the last layer's activation to be sigmoid, but it is linear" },
        { "autoencoder without hidden", "name: t\n" + Data + "model:\n  kind: autoencoder\n" + Training, "5:3: model.hidden is missing; add e.g. 'hidden: [32]'" },
        { "unknown strategy", Valid + "search:\n  strategy: bayes\n", "9:13: search.strategy must be one of grid, random, coarse-to-fine, lr-range-test; got 'bayes'" },
        { "repeats zero", Valid + "search:\n  repeats: 0\n", "9:12: search.repeats must be at least 1, got '0'" },
        { "parameter naming no key", Valid + "search:\n  parameters:\n    training.learnin_rate: {values: [0.1]}\n", "10:5: search parameter 'training.learnin_rate' names no key of the experiment; did you mean 'training.learning_rate'?" },
        { "parameter inside the search block", Valid + "search:\n  parameters:\n    search.repeats: {values: [1, 2]}\n", "10:5: search parameter 'search.repeats' names no key of the experiment" },
        { "log min above max", Valid + "search:\n  parameters:\n    training.learning_rate: {log: {min: 1, max: 0.001}}\n", "10:49: search.parameters.training.learning_rate.log.max must be greater than search.parameters.training.learning_rate.log.min (1), got '0.001'" },
        { "log per decade zero", Valid + "search:\n  parameters:\n    training.learning_rate: {log: {min: 1e-5, max: 1, per_decade: 0}}\n", "10:67: search.parameters.training.learning_rate.log.per_decade must be at least 1, got '0'" },
        { "log min zero", Valid + "search:\n  parameters:\n    training.learning_rate: {log: {min: 0, max: 1}}\n", "10:41: search.parameters.training.learning_rate.log.min must be greater than 0, got '0'" },
        { "linear step zero", Valid + "search:\n  parameters:\n    training.learning_rate: {linear: {min: 0.1, max: 0.2, step: 0}}\n", "10:65: search.parameters.training.learning_rate.linear.step must be greater than 0, got '0'" },
        { "loguniform in a grid", Valid + "search:\n  parameters:\n    training.learning_rate: {loguniform: {min: 1e-5, max: 1}}\n", "10:30: search.parameters.training.learning_rate.loguniform draws random values, so it needs strategy random; a grid takes values, log or linear" },
        { "two spaces for one parameter", Valid + "search:\n  parameters:\n    training.learning_rate: {values: [0.1], log: {min: 0.1, max: 1}}\n", "10:45: search.parameters.training.learning_rate needs exactly one of values, log, linear, loguniform, uniform" },
        { "empty values", Valid + "search:\n  parameters:\n    training.learning_rate: {values: []}\n", "10:38: search.parameters.training.learning_rate.values must be a non-empty list of values, got a list" },
        { "searched value out of range", Valid + "search:\n  parameters:\n    training.learning_rate: {values: [0.1, -1]}\n", "10:44: training.learning_rate must be greater than 0, got '-1'" },
        { "searched range not whole numbers", Valid + "search:\n  parameters:\n    training.epochs: {log: {min: 0.1, max: 10}}\n", "10:5: training.epochs must be a whole number, got '0.1'" },
        { "layer index out of range", Valid + "search:\n  parameters:\n    model.layers.3.units: {values: [4]}\n", "10:5: search parameter 'model.layers.3.units' names item 3 of model.layers, which has 1" },
        { "parameters with coarse-to-fine", Valid + "search:\n  strategy: coarse-to-fine\n  parameters:\n    training.batch: [full, 32]\n", "10:3: search.parameters does not apply to strategy coarse-to-fine, which tunes one rate; use strategy grid or random to search parameters" },
        { "tolerance of 100%", Valid + "search:\n  strategy: coarse-to-fine\n  tolerance: 1\n", "10:14: search.tolerance must be at least 0 and below 1, got '1'" },
        { "tolerance in a grid", Valid + "search:\n  tolerance: 0.05\n", "9:3: search.tolerance applies only to strategy coarse-to-fine" },
        { "diagnosis share above one", Valid + "search:\n  diagnosis: {steady_share: 1.5}\n", "9:29: search.diagnosis.steady_share must be between 0 and 1, got '1.5'" },
        { "misspelt diagnosis key", Valid + "search:\n  diagnosis: {margn: 0.1}\n", "9:15: unknown key 'margn' in search.diagnosis; did you mean 'margin'?" },
        { "range-test key in a grid", Valid + "search:\n  steps: 100\n", "9:3: search.steps applies only to strategy lr-range-test" },
        { "accuracy with a regression loss", Valid.Replace("data:\n", "data:\n  validation: 0.25\n") + "search:\n  metric: accuracy\n", "10:11: search.metric accuracy needs a classifier's accuracy, but training.loss mse is a regression loss, which gives none; choose by final_loss, best_loss or epochs_to_target, or classify with loss cce (softmax output) or bce (sigmoid output)" },
        { "best accuracy of mae in coarse-to-fine", Valid + "  loss: mae\nsearch:\n  strategy: coarse-to-fine\n  metric: best_accuracy\n", "11:11: search.metric best_accuracy needs a classifier's accuracy, but training.loss mae is a regression loss, which gives none; choose by final_loss, best_loss or epochs_to_target, or classify with loss cce (softmax output) or bce (sigmoid output)" },
        { "accuracy without a validation set", "name: t\ndata:\n  synthetic: {kind: blobs, n: 60}\nmodel:\n  layers: [{units: 3, activation: softmax}]\ntraining:\n  epochs: 10\n  loss: cce\nsearch:\n  metric: accuracy\n", "10:11: search.metric accuracy is measured on the validation set, and data holds none back; set data.validation (for example 0.2)" },
        { "unknown metric", Valid + "search:\n  metric: acuracy\n", "9:11: search.metric must be one of final_loss, best_loss, epochs_to_target, accuracy, best_accuracy; got 'acuracy'; did you mean 'accuracy'?" },
        { "metric in a range test", Valid + "search:\n  strategy: lr-range-test\n  metric: best_loss\n", "10:3: search.metric applies only to strategies grid, random and coarse-to-fine" },
    };
}
