-- Argo CD health check for the ecs.operator.dev kinds (EcsTaskDefinition, EcsService, EcsCluster, EcsTask, EcsCapacityProvider).
-- Built on the operator's conditions contract (DESIGN.md section 3):
--   Ready        True when AWS matches the spec of status.observedGeneration
--   Reconciling  present (True) while the operator is acting or waiting on AWS
--   Stalled      present (True) when only a human can unblock it (spec, permissions, ownership)
--   Drifted      True when AWS was changed outside the operator
-- and, for EcsTask, status.phase Pending | Running | Succeeded | Failed; for EcsService, status.rollout.stage of a
-- native BLUE_GREEN / LINEAR / CANARY deployment (Progressing until it ends, BAKE_TIME included).
-- argocd-cm.yaml registers this same script for every kind (a test keeps it in sync with this file).
local hs = {}

local function condition(conditions, type)
  if conditions == nil then
    return nil
  end
  for _, c in ipairs(conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

local function describe(c)
  local text = c.reason or c.type
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

if obj.metadata ~= nil and obj.metadata.deletionTimestamp ~= nil then
  hs.status = "Progressing"
  hs.message = "Deleting: the operator is cleaning up the AWS resources"
  return hs
end

local status = obj.status
if status == nil or status.conditions == nil or #status.conditions == 0 then
  hs.status = "Missing"
  hs.message = "No status yet: the ecs-operator has not reconciled this object (is it running and watching this namespace?)"
  return hs
end

local conditions = status.conditions
local ready = condition(conditions, "Ready")
local generation = obj.metadata ~= nil and obj.metadata.generation or nil
local observed = status.observedGeneration
if observed == nil and ready ~= nil then
  observed = ready.observedGeneration
end
if generation ~= nil and (observed == nil or observed < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end

local stalled = condition(conditions, "Stalled")
if stalled ~= nil and stalled.status == "True" then
  hs.status = "Degraded"
  hs.message = describe(stalled)
  return hs
end

-- A task runs to completion like a Job: its phase is the outcome.
if obj.kind == "EcsTask" and status.phase ~= nil then
  if status.phase == "Succeeded" then
    hs.status = "Healthy"
    hs.message = "Succeeded"
    return hs
  end
  if status.phase == "Failed" then
    hs.status = "Degraded"
    local reason = nil
    if status.tasks ~= nil and status.tasks[1] ~= nil then
      reason = status.tasks[1].stoppedReason
    elseif status.failures ~= nil and status.failures[1] ~= nil then
      reason = status.failures[1]
    end
    hs.message = "Failed"
    if status.exitCode ~= nil then
      hs.message = hs.message .. " with exit code " .. tostring(status.exitCode)
    end
    if reason ~= nil then
      hs.message = hs.message .. ": " .. reason
    end
    return hs
  end
end

-- A blue/green, linear or canary deployment is still moving (or baking with the old revision kept for a rollback)
-- until ECS ends it, whatever Ready says: health follows the lifecycle stage.
local rollout = status.rollout
if obj.kind == "EcsService" and rollout ~= nil and rollout.stage ~= nil then
  local running = rollout.deploymentStatus == "PENDING" or rollout.deploymentStatus == "IN_PROGRESS"
    or rollout.deploymentStatus == "ROLLBACK_REQUESTED" or rollout.deploymentStatus == "ROLLBACK_IN_PROGRESS"
  if rollout.deploymentStatus == nil then
    running = rollout.stage ~= "CLEAN_UP"
  end
  if running then
    hs.status = "Progressing"
    local percent = rollout.productionTrafficPercent or 0
    local shown = string.format("%.1f", percent)
    if percent == math.floor(percent) then
      shown = string.format("%d", math.floor(percent))
    end
    local traffic = shown .. "% production traffic on the new revision"
    if rollout.deploymentStatus == "ROLLBACK_REQUESTED" or rollout.deploymentStatus == "ROLLBACK_IN_PROGRESS" then
      hs.message = "Rolling back (" .. rollout.deploymentStatus .. ") at " .. rollout.stage
    elseif rollout.stage == "BAKE_TIME" and rollout.bakeUntil ~= nil then
      hs.message = "BAKE_TIME: " .. traffic .. ", baking until " .. rollout.bakeUntil
    else
      hs.message = rollout.stage .. ": " .. traffic
    end
    return hs
  end
end

local reconciling = condition(conditions, "Reconciling")
if reconciling ~= nil and reconciling.status == "True" then
  hs.status = "Progressing"
  hs.message = describe(reconciling)
  return hs
end

if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = ready.message or "Ready"
  local drifted = condition(conditions, "Drifted")
  if drifted ~= nil and drifted.status == "True" and drifted.reason == "DriftReported" then
    -- driftPolicy: Report keeps the object Ready and leaves AWS as it is; say so rather than hide it.
    hs.message = "Ready, but " .. describe(drifted)
  end
  return hs
end

hs.status = "Progressing"
if ready ~= nil then
  hs.message = describe(ready)
else
  hs.message = "Waiting for the Ready condition"
end
return hs
