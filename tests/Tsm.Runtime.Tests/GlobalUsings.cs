global using Tsm.Runtime.Tests.Fixtures;
