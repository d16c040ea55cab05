using System.Text;

namespace EcsOperator.Deploy.Tests.ArgoCd;

/// <summary>Builds deploy/argocd/argocd-cm.yaml from health.lua: one health customization per kind.</summary>
public static class ArgoCdConfigMap
{
    public static string FilePath { get; } = Path.Combine(RepoPaths.Root, "deploy", "argocd", "argocd-cm.yaml");

    /// <summary>Set to 1 to rewrite argocd-cm.yaml from health.lua instead of comparing.</summary>
    public const string UpdateVariable = "ECS_OPERATOR_UPDATE_ARGOCD_CM";

    public static string Generate(string lua)
    {
        var sb = new StringBuilder()
            .Append("# Generated from health.lua by tests/EcsOperator.Deploy.Tests (").Append(UpdateVariable).Append("=1 dotnet test ...): do not edit.\n")
            .Append("# Merge into Argo CD's argocd-cm ConfigMap, e.g.\n")
            .Append("#   kubectl -n argocd patch configmap argocd-cm --type merge --patch-file deploy/argocd/argocd-cm.yaml\n")
            .Append("apiVersion: v1\n")
            .Append("kind: ConfigMap\n")
            .Append("metadata:\n")
            .Append("  name: argocd-cm\n")
            .Append("  namespace: argocd\n")
            .Append("  labels:\n")
            .Append("    app.kubernetes.io/name: argocd-cm\n")
            .Append("    app.kubernetes.io/part-of: argocd\n")
            .Append("data:\n");
        foreach (var kind in Api.Kinds.All)
        {
            sb.Append("  resource.customizations.health.").Append(kind.Group).Append('_').Append(kind.Kind).Append(": |\n");
            foreach (var line in lua.TrimEnd('\n').Split('\n'))
                sb.Append(line.Length == 0 ? string.Empty : "    " + line).Append('\n');
        }

        return sb.ToString();
    }
}
