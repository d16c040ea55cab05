global using System.Text.Json.Nodes;
global using EcsOperator.Testing;
global using Xunit;
