# Sourced by the benchmarks: prints the machine, builds the release binary into $bin, and simulates the force named
# by $staff, $days, $seed and $profile (tidy unless set) into $bundle under .benchmarks/ (ignored by git) unless it
# is already there.
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
swift build -c release --product custodes
bin=.build/release/custodes
profile=${profile:-tidy}
bundle=.benchmarks/force-$staff-$days-$seed
[ "$profile" = tidy ] || bundle="$bundle-$profile"
if [ ! -f "$bundle/truth.csv" ]; then
  mkdir -p .benchmarks
  "$bin" simulate --out "$bundle" --staff "$staff" --days "$days" --seed "$seed" --profile "$profile"
fi
