namespace EcsOperator.Aws.Principals;

/// <summary>
/// Picks the AWS principal an object is reconciled with, by the object's Kubernetes namespace: every AWS call a
/// reconciler makes for an object goes through the clients returned here, so a tenancy policy can give each
/// namespace its own assumed role.
/// </summary>
public interface IAwsClientsForNamespace
{
    /// <summary>The clients whose calls run as <paramref name="namespace"/>'s principal.</summary>
    AwsClients For(string @namespace);
}
