namespace EcsOperator.KubeApiServer;

/// <summary>How a write treats fields the schema does not know (kube's <c>fieldValidation</c> query parameter).</summary>
public enum FieldValidation
{
    /// <summary>Drop them silently.</summary>
    Ignore,

    /// <summary>Drop them and answer with a <c>Warning</c> header per field (kube's default).</summary>
    Warn,

    /// <summary>Reject the write with 400 <c>strict decoding error</c>.</summary>
    Strict,
}

/// <summary>Per-request write settings and the warnings the write produced.</summary>
internal sealed class WriteOptions
{
    public bool DryRun { get; init; }

    public FieldValidation FieldValidation { get; init; } = FieldValidation.Warn;

    /// <summary>Warnings for the response's Warning headers.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Applies the field-validation directive to the fields pruning removed.</summary>
    public void OnUnknownFields(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0 || FieldValidation == FieldValidation.Ignore)
        {
            return;
        }

        var messages = paths.Select(p => $"unknown field \"{p}\"").ToList();
        if (FieldValidation == FieldValidation.Strict)
        {
            throw KubeErrors.BadRequest("strict decoding error: " + string.Join(", ", messages));
        }

        Warnings.AddRange(messages);
    }
}
