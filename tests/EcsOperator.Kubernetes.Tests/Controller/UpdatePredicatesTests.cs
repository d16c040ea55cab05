using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Controller;

public sealed class UpdatePredicatesTests
{
    private static readonly Widget Base = Widget.New("w") with
    {
        Metadata = new ObjectMeta
        {
            Name = "w", Namespace = "default", Generation = 3, ResourceVersion = "10",
            Labels = new Dictionary<string, string> { ["a"] = "1" }, Finalizers = ["f"],
        },
    };

    [Fact]
    public void A_status_or_resourceVersion_change_alone_does_not_pass()
    {
        var written = Base with
        {
            Metadata = Base.Metadata with { ResourceVersion = "11", Labels = new Dictionary<string, string> { ["a"] = "1" }, Finalizers = ["f"] },
            Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = 3 },
        };
        Assert.False(UpdatePredicates.MetadataOrSpecChanged(Base, written));
    }

    [Theory]
    [InlineData("generation")]
    [InlineData("deletionTimestamp")]
    [InlineData("finalizers")]
    [InlineData("labels")]
    [InlineData("annotations")]
    public void A_change_a_user_or_a_deletion_makes_passes(string what)
    {
        var m = Base.Metadata with { ResourceVersion = "11" };
        m = what switch
        {
            "generation" => m with { Generation = 4 },
            "deletionTimestamp" => m with { DeletionTimestamp = DateTimeOffset.UnixEpoch },
            "finalizers" => m with { Finalizers = [] },
            "labels" => m with { Labels = new Dictionary<string, string> { ["a"] = "2" } },
            _ => m with { Annotations = new Dictionary<string, string> { ["note"] = "x" } },
        };
        Assert.True(UpdatePredicates.MetadataOrSpecChanged(Base, Base with { Metadata = m }));
    }

    [Fact]
    public void A_finalizer_added_alone_does_not_pass_but_one_removed_does()
    {
        // The reconciler that adds its finalizer goes on in the same pass: the write's own event is no news.
        var added = Base with { Metadata = Base.Metadata with { ResourceVersion = "11", Finalizers = ["f", "ecs.operator.dev/cleanup"] } };
        Assert.False(UpdatePredicates.MetadataOrSpecChanged(Base, added));
        Assert.True(UpdatePredicates.MetadataOrSpecChanged(added, Base with { Metadata = Base.Metadata with { ResourceVersion = "12" } }));
    }

    [Fact]
    public void An_informer_resync_of_the_same_instance_passes() =>
        Assert.True(UpdatePredicates.MetadataOrSpecChanged(Base, Base));

    [Fact]
    public void Changed_passes_only_when_the_projection_differs()
    {
        var byPhase = UpdatePredicates.Changed<Widget, string?>(w => w.Status?.Phase);
        var ready = Base with { Status = new WidgetStatus { Phase = "Ready" } };
        Assert.True(byPhase(Base, ready));
        Assert.False(byPhase(ready, ready with { Status = ready.Status! with { ObservedGeneration = 9 } }));
    }
}
