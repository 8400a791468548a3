#!/usr/bin/env bash
# Gpu back-end throughput sweep (issues 9, 6): BKS silica + DSF 10 Å or pppm, NVE, 1 800 to 921 600 atoms, atom-steps/s and the
# fraction of the FP64 peak. Where the .NET SDK is, this publishes a self-contained single-file build into
# Benchmarks/GpuSweep/publish (Mechanics + ILGPU only, ~40 MB) and runs it; on the GPU machine, which has no .NET,
# carry that folder and the script runs the published binary. Arguments go to the program:
#   --device auto|cuda|opencl|cpu   --replicate 1,2,3,4,6,8   --steps 200   --peak-tflops 34
#   --coulomb dsf|pppm   --kspace-accuracy 1e-5   (pppm: smooth PME with the mesh on the device)
# Example (CPU accelerator, small): Benchmarks/gpu-sweep.sh --device cpu --replicate 1,2 --steps 20
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/GpuSweep/publish"
if command -v dotnet >/dev/null 2>&1 && [ "${GPU_SWEEP_SKIP_PUBLISH:-0}" != 1 ]; then
  dotnet publish "$here/GpuSweep/GpuSweep.csproj" -c Release -r linux-x64 --self-contained \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -o "$out" >&2
fi
if [ ! -x "$out/gpu-sweep" ]; then
  echo "gpu-sweep: no $out/gpu-sweep; run this script once where the .NET SDK is, then carry Benchmarks/GpuSweep/publish" >&2
  exit 2
fi
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm,driver_version --format=csv 2>/dev/null || echo "# no nvidia-smi: no NVIDIA GPU here"
exec "$out/gpu-sweep" "$@"
