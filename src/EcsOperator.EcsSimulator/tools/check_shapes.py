#!/usr/bin/env python3
"""Drives a running simulator through most operations and checks every response against botocore's output shapes
(member names and JSON types). Usage: check_shapes.py http://127.0.0.1:4566/   (start it with --tick-ms 50)."""
import json
import sys
import time
import urllib.error
import urllib.request

import botocore.session

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:4566/"
session = botocore.session.get_session()
MODELS = {
    "AmazonEC2ContainerServiceV20141113": session.get_service_model("ecs"),
    "AnyScaleFrontendService": session.get_service_model("application-autoscaling"),
}
problems = []


def check(shape, value, path):
    t = shape.type_name
    if t == "structure":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected object, got {type(value).__name__}")
            return
        for key, member in value.items():
            if key not in shape.members:
                problems.append(f"{path}.{key}: not a member of {shape.name}")
                continue
            check(shape.members[key], member, f"{path}.{key}")
    elif t == "list":
        if not isinstance(value, list):
            problems.append(f"{path}: expected list")
            return
        for i, item in enumerate(value):
            check(shape.member, item, f"{path}[{i}]")
    elif t == "map":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected map")
    elif t == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: expected string, got {value!r}")
        elif shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} not in enum {shape.enum}")
    elif t in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{path}: expected integer, got {value!r}")
    elif t == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected boolean, got {value!r}")
    elif t in ("timestamp", "double", "float"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{path}: expected number, got {value!r}")


def call(prefix, op, body):
    request = urllib.request.Request(URL, data=json.dumps(body).encode(), method="POST", headers={
        "X-Amz-Target": f"{prefix}.{op}",
        "Content-Type": "application/x-amz-json-1.1",
        "Authorization": "AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request, SignedHeaders=host, Signature=x",
    })
    try:
        with urllib.request.urlopen(request) as response:
            result = json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{op} failed: {error.code} {error.read().decode()}")
    model = MODELS[prefix]
    operation = model.operation_model(op)
    if operation.output_shape is not None:
        check(operation.output_shape, result, op)
    return result


ECS = "AmazonEC2ContainerServiceV20141113"
AAS = "AnyScaleFrontendService"
call(ECS, "CreateCluster", {"clusterName": "default", "tags": [{"key": "a", "value": "b"}]})
call(ECS, "DescribeClusters", {"clusters": ["default", "ghost"], "include": ["TAGS", "SETTINGS"]})
call(ECS, "ListClusters", {})
good = call(ECS, "RegisterTaskDefinition", {"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512", "tags": [{"key": "k", "value": "v"}],
            "containerDefinitions": [{"name": "app", "image": "nginx:1", "portMappings": [{"containerPort": 80}]}]})
call(ECS, "RegisterTaskDefinition", {"family": "web", "containerDefinitions": [{"name": "app", "image": "bad:2", "memory": 64}]})
call(ECS, "DescribeTaskDefinition", {"taskDefinition": "web:1", "include": ["TAGS"]})
call(ECS, "ListTaskDefinitions", {"maxResults": 1})
call(ECS, "ListTaskDefinitionFamilies", {})
net = {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}
call(ECS, "CreateService", {"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 2, "launchType": "FARGATE",
     "networkConfiguration": net, "clientToken": "t1",
     "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": True, "rollback": True}}})
time.sleep(1)
call(ECS, "UpdateService", {"service": "web", "forceNewDeployment": True})
call(ECS, "DescribeServices", {"services": ["web", "ghost"], "include": ["TAGS"]})
time.sleep(1)
svc = call(ECS, "DescribeServices", {"services": ["web"]})
call(ECS, "ListServices", {})
deployments = call(ECS, "ListServiceDeployments", {"service": "web"})
call(ECS, "DescribeServiceDeployments", {"serviceDeploymentArns": [d["serviceDeploymentArn"] for d in deployments["serviceDeployments"]]})
call(ECS, "DescribeServiceRevisions", {"serviceRevisionArns": [r["arn"] for r in svc["services"][0]["currentServiceRevisions"]] + ["arn:aws:ecs:us-east-1:123456789012:service-revision/default/web/1"]})
run = call(ECS, "RunTask", {"taskDefinition": "web:1", "networkConfiguration": net, "launchType": "FARGATE", "count": 2, "tags": [{"key": "x", "value": "y"}]})
arns = [t["taskArn"] for t in run["tasks"]]
time.sleep(0.5)
call(ECS, "ListTasks", {"family": "web"})
call(ECS, "StopTask", {"task": arns[0], "reason": "test"})
time.sleep(0.5)
call(ECS, "DescribeTasks", {"tasks": arns + ["ghost"], "include": ["TAGS"]})
call(ECS, "TagResource", {"resourceArn": svc["services"][0]["serviceArn"], "tags": [{"key": "t", "value": "1"}]})
call(ECS, "ListTagsForResource", {"resourceArn": svc["services"][0]["serviceArn"]})
call(ECS, "UntagResource", {"resourceArn": svc["services"][0]["serviceArn"], "tagKeys": ["t"]})
call(ECS, "PutClusterCapacityProviders", {"cluster": "default", "capacityProviders": ["FARGATE"], "defaultCapacityProviderStrategy": []})
call(ECS, "UpdateCluster", {"cluster": "default", "settings": [{"name": "containerInsights", "value": "enabled"}]})
ci = call(ECS, "RegisterContainerInstance", {"totalResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 2048},
          {"name": "MEMORY", "type": "INTEGER", "integerValue": 4096}], "attributes": [{"name": "team", "value": "blue"}],
          "instanceIdentityDocument": json.dumps({"instanceId": "i-1", "availabilityZone": "us-east-1b", "instanceType": "t3.large"})})
ci_arn = ci["containerInstance"]["containerInstanceArn"]
call(ECS, "RegisterTaskDefinition", {"family": "bridge", "networkMode": "bridge",
     "containerDefinitions": [{"name": "app", "image": "nginx:1", "memory": 256, "cpu": 128, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]})
ec2 = call(ECS, "RunTask", {"taskDefinition": "bridge", "launchType": "EC2", "count": 2,
     "placementStrategy": [{"type": "binpack", "field": "memory"}], "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}]})
call(ECS, "RunTask", {"taskDefinition": "bridge", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:team == red"}]})
call(ECS, "CreateService", {"serviceName": "agent", "taskDefinition": "bridge", "schedulingStrategy": "DAEMON", "launchType": "EC2"})
time.sleep(0.5)
call(ECS, "DescribeServices", {"services": ["agent"]})
call(ECS, "DescribeTasks", {"tasks": [t["taskArn"] for t in ec2["tasks"]]})
call(ECS, "ListContainerInstances", {"filter": "attribute:ecs.availability-zone == us-east-1b"})
call(ECS, "DescribeContainerInstances", {"containerInstances": [ci_arn, "ghost"], "include": ["TAGS"]})
call(ECS, "DeleteService", {"service": "agent", "force": True})
call(ECS, "DeregisterContainerInstance", {"containerInstance": ci_arn, "force": True})
call(ECS, "DeregisterTaskDefinition", {"taskDefinition": "web:2"})
call(ECS, "DeleteTaskDefinitions", {"taskDefinitions": ["web:2", "web:1"]})

target = {"ServiceNamespace": "ecs", "ResourceId": "service/default/web", "ScalableDimension": "ecs:service:DesiredCount"}
call(AAS, "RegisterScalableTarget", {**target, "MinCapacity": 3, "MaxCapacity": 6})
described = call(AAS, "DescribeScalableTargets", {"ServiceNamespace": "ecs"})
target_arn = described["ScalableTargets"][0]["ScalableTargetARN"]
call(AAS, "TagResource", {"ResourceARN": target_arn, "Tags": {"k": "v"}})
call(AAS, "ListTagsForResource", {"ResourceARN": target_arn})
call(AAS, "UntagResource", {"ResourceARN": target_arn, "TagKeys": ["k"]})
call(AAS, "PutScalingPolicy", {**target, "PolicyName": "cpu", "PolicyType": "TargetTrackingScaling",
     "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 50.0, "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageCPUUtilization"}}})
call(AAS, "DescribeScalingPolicies", {"ServiceNamespace": "ecs"})
call(AAS, "PutScheduledAction", {**target, "ScheduledActionName": "n", "Schedule": "cron(0 0 * * ? *)", "ScalableTargetAction": {"MinCapacity": 1}})
call(AAS, "DescribeScheduledActions", {"ServiceNamespace": "ecs"})
call(AAS, "DescribeScalingActivities", {"ServiceNamespace": "ecs"})
call(AAS, "DeleteScheduledAction", {**target, "ScheduledActionName": "n"})
call(AAS, "DeleteScalingPolicy", {**target, "PolicyName": "cpu"})
call(AAS, "DeregisterScalableTarget", target)
call(ECS, "DeleteService", {"service": "web", "force": True})

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("all responses match botocore's output shapes")
