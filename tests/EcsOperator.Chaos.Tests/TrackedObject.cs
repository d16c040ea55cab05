namespace EcsOperator.Chaos.Tests;

/// <summary>What the campaign expects of one named object: whether it should exist at the end, and how it last left.</summary>
public sealed class TrackedObject(string plural, string name)
{
    public string Plural { get; } = plural;

    public string Name { get; } = name;

    /// <summary>The user created it and has not deleted it since.</summary>
    public bool Alive { get; set; }

    /// <summary>How many times the user created it.</summary>
    public int Creations { get; set; }

    /// <summary>deletionPolicy of the current (or last) incarnation.</summary>
    public string DeletionPolicy { get; set; } = "Delete";

    /// <summary>When the user last created it.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the user last asked for it to be deleted.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>When the object was seen gone from the store after the last deletion (finalizer released).</summary>
    public DateTimeOffset? GoneAt { get; set; }

    public override string ToString() => $"{Plural}/{Name}";
}
