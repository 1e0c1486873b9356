using System.Runtime.CompilerServices;

// Every native signature of the runtime is blittable: no marshalling stubs, the same code under the
// JIT (tests, interpreter) and NativeAOT.
[assembly: DisableRuntimeMarshalling]
