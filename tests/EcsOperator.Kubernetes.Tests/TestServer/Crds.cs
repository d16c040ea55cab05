namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>A small CRD used by the test-server tests (shaped like ours, but independent of the generated CRDs).</summary>
internal static class Crds
{
    public const string Widgets = "apis/example.com/v1/namespaces/default/widgets";

    public const string WidgetYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd], categories: [all]}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [image]
                    properties:
                      image: {type: string, minLength: 1, maxLength: 20, pattern: '^[a-z0-9./:-]+$'}
                      replicas: {type: integer, default: 1, minimum: 0, maximum: 10}
                      launchType: {type: string, enum: [EC2, FARGATE], default: FARGATE}
                      ratio: {type: number, exclusiveMaximum: true, maximum: 1}
                      enabled: {type: boolean}
                      port: {x-kubernetes-int-or-string: true}
                      tags:
                        type: object
                        additionalProperties: {type: string, maxLength: 5}
                      containers:
                        type: array
                        maxItems: 2
                        minItems: 1
                        items:
                          type: object
                          required: [name]
                          properties:
                            name: {type: string}
                            essential: {type: boolean, default: true}
                            resources:
                              type: object
                              default: {}
                              properties:
                                cpu: {type: integer, default: 256}
                      extra:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                        properties:
                          known: {type: string, default: k}
                  status:
                    type: object
                    properties:
                      observedGeneration: {type: integer}
                      phase: {type: string}
          - name: v1beta1
            served: true
            storage: false
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
          - name: v0
            served: false
            storage: false
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.com
        spec:
          group: example.com
          names: {plural: gadgets, kind: Gadget}
          scope: Cluster
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """;
}
