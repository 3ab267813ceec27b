#!/usr/bin/env bash
# bench.sh: measures ecslint against the parse floor and tflint, and the provider's cost in terraform plan, in
# one run on this machine, and prints one table.
#
#   scripts/bench.sh            (or: make bench)
#
# What it does:
#   1. Builds ecslint, the provider and the helpers of lint/bench (corpusgen, parsefloor, measure).
#   2. Writes two corpora with lint/bench/corpusgen (seed 1): the full one (720 stacks: 2,163 module directories,
#      about 390,000 lines of .tf) and a quarter of it (180 stacks), to show that peak memory follows the largest
#      module, not the corpus.
#   3. Alternates, ROUNDS times: the parse floor (with Go's default collector setting and with ecslint's),
#      `ecslint --recursive --format json`, and tflint --recursive with
#      its bundled terraform ruleset (recommended preset, local modules evaluated, no plugin directory, nothing
#      downloaded) on the full corpus; then ecslint on the quarter corpus. Reports medians. Wall time and peak RSS
#      come from lint/bench/measure (getrusage of the child).
#   4. go test -bench for composing a container and a 10-container task definition (internal/compose through
#      lint/bench).
#   5. terraform plan of 100 task definitions composed with ecskit against the same 100 written with jsonencode,
#      and the same 100 written with jsonencode and checked by the provider functions normalize_container_definitions
#      and check_task_definition, alternated ROUNDS times, the provider installed through a dev_overrides CLI
#      configuration; and, for reference, 200 of the smallest ecskit data source: what Terraform and the plugin
#      framework charge per data source whatever it does.
#
# tflint v0.64.0 is built once from the Go module proxy into the tool cache. Nothing else is downloaded.
#
# Environment:
#   ROUNDS             rounds of each alternated measurement (default 3; the median is reported)
#   STACKS             stacks in the full corpus (default 720; at least 667 for 2,000 module directories)
#   BENCH_DIR          work directory (default: a temporary directory, removed at the end)
#   ECSKIT_TOOLS_DIR   tool cache (default "$(go env GOPATH)/ecskit-tools"), shared with find-terraform.sh
#   SKIP_TFLINT=1      leave tflint out (its rounds take about 2.5 minutes each on 2 cores)
#   SKIP_PLAN=1        leave the terraform plan comparison out
#   REAL_TREE          a git checkout of the public module terraform-aws-modules/terraform-aws-ecs (for example
#                      the one scripts/realcode.sh uses, $REALCODE_DIR/terraform-aws-modules+terraform-aws-ecs).
#                      bench.sh downloads nothing, so without it the real-tree rows say "skipped"; with it,
#                      ecslint --recursive and tflint --recursive (same settings as above) alternate ROUNDS times
#                      on that tree, and the table gives both times and their ratio. The commit measured is
#                      printed; lint/bench/realcode.txt lists the one the corpus measurement uses.
set -euo pipefail
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

log() { printf 'bench: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

# median prints the median of its numeric arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# field NAME FILE prints the value of NAME=VALUE in the result line of measure.
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" "$2"; }

main() {
	cd "$(dirname "${BASH_SOURCE[0]}")/.."
	repo="$PWD"
	rounds="${ROUNDS:-3}"
	stacks="${STACKS:-720}"
	small=$((stacks / 4))
	tflint_version=v0.64.0

	if [ -n "${BENCH_DIR:-}" ]; then
		work="$BENCH_DIR"
		mkdir -p "$work"
	else
		work="$(mktemp -d)"
		trap 'rm -rf "$work"' EXIT
	fi
	bin="$work/bin"
	mkdir -p "$bin"

	log "building ecslint, the provider, corpusgen, parsefloor and measure"
	go build -o "$bin/ecslint" ./lint/cmd/ecslint
	go build -o "$bin/terraform-provider-ecskit" .
	go build -o "$bin/corpusgen" ./lint/bench/corpusgen
	go build -o "$bin/parsefloor" ./lint/bench/parsefloor
	go build -o "$bin/measure" ./lint/bench/measure

	tflint=""
	if [ -z "${SKIP_TFLINT:-}" ]; then
		tools_dir="${ECSKIT_TOOLS_DIR:-$(go env GOPATH)/ecskit-tools}"
		tflint_dir="$tools_dir/tflint-$tflint_version"
		tflint="$tflint_dir/tflint"
		if ! [ -x "$tflint" ] || [[ "$("$tflint" --version 2>/dev/null)" != *"version ${tflint_version#v}"* ]]; then
			log "building tflint $tflint_version from its Go module into $tflint_dir (takes a few minutes, once)"
			mkdir -p "$tflint_dir"
			# Outside this module, so go.mod and go.sum stay untouched.
			(cd "$work" && GOBIN="$tflint_dir" GOFLAGS=-mod=mod CGO_ENABLED=0 go install "github.com/terraform-linters/tflint@$tflint_version") ||
				die "building tflint $tflint_version failed (see above); set SKIP_TFLINT=1 to benchmark without it."
		fi
		# Bundled terraform ruleset only: no plugin directory, so nothing is looked up or downloaded.
		mkdir -p "$work/tflint-plugins"
		cat >"$work/tflint.hcl" <<-'HCL'
			config {
			  call_module_type = "local"
			}
			plugin "terraform" {
			  enabled = true
			  preset  = "recommended"
			}
		HCL
	fi

	log "writing the corpora: $stacks stacks and $small stacks"
	rm -rf "$work/corpus" "$work/corpus-small"
	full_stats="$("$bin/corpusgen" -out "$work/corpus" -stacks "$stacks")"
	"$bin/corpusgen" -out "$work/corpus-small" -stacks "$small" >/dev/null
	floor_stats="$("$bin/parsefloor" "$work/corpus")" # also warms the page cache
	small_floor="$("$bin/parsefloor" "$work/corpus-small")"
	dirs="$(sed -n 's/.*dirs=\([0-9]*\).*/\1/p' <<<"$floor_stats")"
	lines="$(sed -n 's/.*lines=\([0-9]*\).*/\1/p' <<<"$floor_stats")"
	small_lines="$(sed -n 's/.*lines=\([0-9]*\).*/\1/p' <<<"$small_floor")"
	small_dirs="$(sed -n 's/.*dirs=\([0-9]*\).*/\1/p' <<<"$small_floor")"
	log "corpus: $full_stats (.tf only: $floor_stats)"

	# ecslint sets Go's GC target (GOGC) higher than the default; the floor is also measured with the same
	# setting, so that the table shows how much of the ratio is the collector's.
	gc_percent="$(sed -n 's/^const gcPercent = \([0-9]*\).*/\1/p' lint/cmd/ecslint/main.go)"
	[ -n "$gc_percent" ] || die "cannot read gcPercent from lint/cmd/ecslint/main.go"

	declare -a floor_t floor_m floorgc_t ecs_t ecs_m tfl_t tfl_m small_t small_m
	for r in $(seq 1 "$rounds"); do
		log "round $r/$rounds: parse floor"
		"$bin/measure" -o "$work/m" "$bin/parsefloor" "$work/corpus"
		[ "$(field exit "$work/m")" = 0 ] || die "parsefloor failed on the corpus"
		floor_t+=("$(field wall "$work/m")") floor_m+=("$(field rss_kb "$work/m")")

		log "round $r/$rounds: parse floor, GOGC=$gc_percent"
		GOGC="$gc_percent" "$bin/measure" -o "$work/m" "$bin/parsefloor" "$work/corpus"
		[ "$(field exit "$work/m")" = 0 ] || die "parsefloor failed on the corpus"
		floorgc_t+=("$(field wall "$work/m")")

		log "round $r/$rounds: ecslint"
		(cd "$work" && "$bin/measure" -o "$work/m" "$bin/ecslint" --recursive --format json corpus)
		case "$(field exit "$work/m")" in 0 | 1) ;; *) die "ecslint failed on the corpus (exit $(field exit "$work/m")); run $bin/ecslint --recursive $work/corpus to see why (BENCH_DIR keeps it)" ;; esac
		ecs_t+=("$(field wall "$work/m")") ecs_m+=("$(field rss_kb "$work/m")")

		if [ -n "$tflint" ]; then
			log "round $r/$rounds: tflint"
			(cd "$work/corpus" && TFLINT_PLUGIN_DIR="$work/tflint-plugins" "$bin/measure" -o "$work/m" \
				"$tflint" --recursive --config "$work/tflint.hcl" --format json)
			case "$(field exit "$work/m")" in 0 | 2 | 3) ;; *) die "tflint failed on the corpus (exit $(field exit "$work/m"))" ;; esac
			tfl_t+=("$(field wall "$work/m")") tfl_m+=("$(field rss_kb "$work/m")")
		fi

		log "round $r/$rounds: ecslint on the quarter corpus"
		(cd "$work" && "$bin/measure" -o "$work/m" "$bin/ecslint" --recursive --format json corpus-small)
		small_t+=("$(field wall "$work/m")") small_m+=("$(field rss_kb "$work/m")")
	done

	# The real public tree: terraform-aws-modules/terraform-aws-ecs, from a checkout the caller provides.
	declare -a real_t=() realtfl_t=() realfloor_t=()
	real_note="skipped: set REAL_TREE to a checkout of terraform-aws-modules/terraform-aws-ecs"
	if [ -n "${REAL_TREE:-}" ]; then
		[ -d "$REAL_TREE" ] || die "REAL_TREE=$REAL_TREE is not a directory"
		real_tree="$(cd "$REAL_TREE" && pwd)"
		real_commit="$(git -C "$real_tree" rev-parse --short=12 HEAD 2>/dev/null || echo "not a git checkout")"
		real_listed="$(awk '$1 == "terraform-aws-modules/terraform-aws-ecs" {print substr($2, 1, 12)}' lint/bench/realcode.txt)"
		real_note="terraform-aws-modules/terraform-aws-ecs at $real_commit"
		[ "$real_commit" = "$real_listed" ] || real_note="$real_note (lint/bench/realcode.txt lists $real_listed)"
		real_stats="$("$bin/parsefloor" "$real_tree")" || die "parsefloor failed on $real_tree"
		real_note="$real_note; .tf: $real_stats"
		for r in $(seq 1 "$rounds"); do
			log "round $r/$rounds: parse floor, ecslint and tflint on $real_tree"
			"$bin/measure" -o "$work/m" "$bin/parsefloor" "$real_tree"
			realfloor_t+=("$(field wall "$work/m")")
			(cd "$real_tree" && "$bin/measure" -o "$work/m" "$bin/ecslint" --recursive --format json .)
			case "$(field exit "$work/m")" in 0 | 1) ;; *) die "ecslint failed on $real_tree (exit $(field exit "$work/m"))" ;; esac
			real_t+=("$(field wall "$work/m")")
			if [ -n "$tflint" ]; then
				(cd "$real_tree" && TFLINT_PLUGIN_DIR="$work/tflint-plugins" "$bin/measure" -o "$work/m" \
					"$tflint" --recursive --config "$work/tflint.hcl" --format json)
				case "$(field exit "$work/m")" in 0 | 2 | 3) ;; *) die "tflint failed on $real_tree (exit $(field exit "$work/m"))" ;; esac
				realtfl_t+=("$(field wall "$work/m")")
			fi
		done
	fi

	log "go test -bench: composing task definitions"
	compose_out="$(go test -run '^$' -bench 'Compose' -benchtime 2s -count 1 ./lint/bench/)" ||
		die "the compose benchmarks failed: $compose_out"
	ns_of() { awk -v b="$1" '$1 ~ "^"b"(-[0-9]+)?$" {print $3}' <<<"$compose_out"; }
	container_ns="$(ns_of BenchmarkComposeContainer)"
	task_ns="$(ns_of BenchmarkComposeTask10)"

	if [ -z "${SKIP_PLAN:-}" ]; then
		plan_bench
	fi

	# The table.
	local ft fgt et tt st
	ft="$(median "${floor_t[@]}")" fgt="$(median "${floorgc_t[@]}")" et="$(median "${ecs_t[@]}")" st="$(median "${small_t[@]}")"
	printf '\n'
	printf 'ecskit benchmarks  (%s, %s cores, %s; median of %s rounds, alternated)\n' \
		"$(uname -sm)" "$(getconf _NPROCESSORS_ONLN)" "$(go version | awk '{print $3}')" "$rounds"
	printf 'corpus: lint/bench/corpusgen -stacks %s -seed 1: %s module directories, %s lines of .tf\n\n' "$stacks" "$dirs" "$lines"
	printf '%-46s %10s %14s %12s\n' "measurement" "wall (s)" "lines/s" "peak RSS"
	row() { printf '%-46s %10.2f %14s %9.0f MB\n' "$1" "$2" "$(awk -v l="$3" -v t="$2" 'BEGIN {printf "%.0f", l/t}')" "$(awk -v k="$4" 'BEGIN {print k/1024}')"; }
	row "parse floor (hclsyntax only, all cores)" "$ft" "$lines" "$(median "${floor_m[@]}")"
	printf '%-46s %10.2f %14s\n' "parse floor, GOGC=$gc_percent as ecslint" "$fgt" "$(awk -v l="$lines" -v t="$fgt" 'BEGIN {printf "%.0f", l/t}')"
	row "ecslint --recursive" "$et" "$lines" "$(median "${ecs_m[@]}")"
	if [ -n "$tflint" ]; then
		tt="$(median "${tfl_t[@]}")"
		row "tflint $tflint_version --recursive (terraform rules)" "$tt" "$lines" "$(median "${tfl_m[@]}")"
	fi
	row "ecslint --recursive, quarter corpus ($small_dirs dirs)" "$st" "$small_lines" "$(median "${small_m[@]}")"
	printf '\n'
	printf '%-46s %10s   %s\n' "ratio" "value" "target"
	printf '%-46s %9.2fx   %s\n' "ecslint / parse floor (time)" "$(awk -v a="$et" -v b="$ft" 'BEGIN {print a/b}')" "<= 1.5x"
	printf '%-46s %9.2fx   %s\n' "ecslint / parse floor at GOGC=$gc_percent (time)" "$(awk -v a="$et" -v b="$fgt" 'BEGIN {print a/b}')" "(same collector setting)"
	if [ -n "$tflint" ]; then
		printf '%-46s %9.1fx   %s\n' "tflint / ecslint (time)" "$(awk -v a="$tt" -v b="$et" 'BEGIN {print a/b}')" ">= 20x"
	fi
	printf '%-46s %9.2fx   %s\n' "ecslint peak RSS, full / quarter corpus" \
		"$(awk -v a="$(median "${ecs_m[@]}")" -v b="$(median "${small_m[@]}")" 'BEGIN {print a/b}')" "~1x (bounded by the largest module)"
	printf '\n%-46s %10s\n' "real public tree" "wall (s)"
	printf '%s\n' "  $real_note"
	if [ "${#real_t[@]}" -gt 0 ]; then
		local rt rtt
		rt="$(median "${real_t[@]}")"
		printf '%-46s %10.2f\n' "parse floor" "$(median "${realfloor_t[@]}")"
		printf '%-46s %10.2f\n' "ecslint --recursive" "$rt"
		if [ "${#realtfl_t[@]}" -gt 0 ]; then
			rtt="$(median "${realtfl_t[@]}")"
			printf '%-46s %10.2f\n' "tflint $tflint_version --recursive (terraform rules)" "$rtt"
			printf '%-46s %9.1fx   %s\n' "tflint / ecslint (time)" "$(awk -v a="$rtt" -v b="$rt" 'BEGIN {print a/b}')" ">= 20x"
		fi
	fi
	printf '\n%-46s %10s\n' "provider (go test -bench)" "time/op"
	printf '%-46s %7.1f µs\n' "compose one container (ecskit_container_definition)" "$(awk -v n="$container_ns" 'BEGIN {print n/1000}')"
	printf '%-46s %7.1f µs\n' "compose + validate a 10-container task" "$(awk -v n="$task_ns" 'BEGIN {print n/1000}')"
	if [ -z "${SKIP_PLAN:-}" ]; then
		local pe pj pf ps
		pe="$(median "${plan_ecskit[@]}")" pj="$(median "${plan_json[@]}")" pf="$(median "${plan_func[@]}")" ps="$(median "${plan_small[@]}")"
		printf '\n%-46s %10s\n' "terraform plan, 100 task definitions ($tf_name)" "wall (s)"
		printf '%-46s %10.2f\n' "plain jsonencode" "$pj"
		printf '%-46s %10.2f\n' "composed with ecskit (200 data sources)" "$pe"
		printf '%-46s %10.2f\n' "jsonencode + ecskit functions (200 calls)" "$pf"
		printf '%-46s %10.2f\n' "200 of the smallest data source (reference)" "$ps"
		printf '%-46s %9.0f%%   %s\n' "ecskit adds" "$(awk -v a="$pe" -v b="$pj" 'BEGIN {print (a/b-1)*100}')" "< 20%"
		printf '%-46s %9.0f%%   %s\n' "ecskit functions add" "$(awk -v a="$pf" -v b="$pj" 'BEGIN {print (a/b-1)*100}')" "< 20%"
	fi
}

# plan_bench times terraform plan on 100 task definitions composed with ecskit and on the same 100 written with
# jsonencode, alternated. Both feed terraform_data (built in), so no other provider is needed.
plan_bench() {
	eval "$(scripts/find-terraform.sh)"
	tf="$TF_ACC_TERRAFORM_PATH"
	tf_name="$("$tf" version 2>/dev/null | head -n 1)"
	cat >"$work/terraformrc" <<-HCL
		provider_installation {
		  dev_overrides {
		    "registry.terraform.io/ecskit/ecskit" = "$bin"
		    "registry.opentofu.org/ecskit/ecskit" = "$bin"
		  }
		  direct {}
		}
	HCL
	mkdir -p "$work/plan-ecskit" "$work/plan-json" "$work/plan-func" "$work/plan-small"
	{
		printf 'terraform {\n  required_providers {\n    ecskit = {\n      source = "ecskit/ecskit"\n    }\n  }\n}\n\n'
		for i in $(seq 1 100); do
			cat <<-HCL
				data "ecskit_container_definition" "app_$i" {
				  name      = "app"
				  image     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app-$i:1.0.$i"
				  essential = true
				  cpu       = 256
				  memory    = 512

				  port_mappings = [{ container_port = $((8000 + i)) }]

				  environment = {
				    LOG_LEVEL = "info"
				    SERVICE   = "app-$i"
				  }

				  health_check = {
				    command = ["CMD-SHELL", "curl -fs http://localhost:$((8000 + i))/ || exit 1"]
				  }

				  log_configuration = {
				    log_driver = "awslogs"
				    options = {
				      awslogs-group         = "/ecs/app-$i"
				      awslogs-region        = "us-east-1"
				      awslogs-stream-prefix = "app"
				    }
				  }
				}

				data "ecskit_task_definition" "app_$i" {
				  family                   = "app-$i"
				  requires_compatibilities = ["FARGATE"]
				  network_mode             = "awsvpc"
				  cpu                      = "256"
				  memory                   = "512"
				  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
				  containers               = [data.ecskit_container_definition.app_$i.json]
				}

				resource "terraform_data" "app_$i" {
				  input = data.ecskit_task_definition.app_$i.container_definitions
				}

			HCL
		done
	} >"$work/plan-ecskit/main.tf"
	{
		for i in $(seq 1 100); do
			cat <<-HCL
				resource "terraform_data" "app_$i" {
				  input = jsonencode([{
				    name         = "app"
				    image        = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app-$i:1.0.$i"
				    essential    = true
				    cpu          = 256
				    memory       = 512
				    portMappings = [{ containerPort = $((8000 + i)), protocol = "tcp" }]
				    environment = [
				      { name = "LOG_LEVEL", value = "info" },
				      { name = "SERVICE", value = "app-$i" },
				    ]
				    healthCheck = {
				      command = ["CMD-SHELL", "curl -fs http://localhost:$((8000 + i))/ || exit 1"]
				    }
				    logConfiguration = {
				      logDriver = "awslogs"
				      options = {
				        awslogs-group         = "/ecs/app-$i"
				        awslogs-region        = "us-east-1"
				        awslogs-stream-prefix = "app"
				      }
				    }
				  }])
				}

			HCL
		done
	} >"$work/plan-json/main.tf"
	# The same 100 checked with provider functions instead of data sources: normalize_container_definitions
	# renders the containers, check_task_definition fails the plan on an error finding.
	{
		printf 'terraform {\n  required_providers {\n    ecskit = {\n      source = "ecskit/ecskit"\n    }\n  }\n}\n\n'
		for i in $(seq 1 100); do
			cat <<-HCL
				locals {
				  task_$i = {
				    family                  = "app-$i"
				    requiresCompatibilities = ["FARGATE"]
				    networkMode             = "awsvpc"
				    cpu                     = "256"
				    memory                  = "512"
				    executionRoleArn        = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
				    containerDefinitions = [{
				      name         = "app"
				      image        = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app-$i:1.0.$i"
				      essential    = true
				      cpu          = 256
				      memory       = 512
				      portMappings = [{ containerPort = $((8000 + i)), protocol = "tcp" }]
				      environment = [
				        { name = "LOG_LEVEL", value = "info" },
				        { name = "SERVICE", value = "app-$i" },
				      ]
				      healthCheck = {
				        command = ["CMD-SHELL", "curl -fs http://localhost:$((8000 + i))/ || exit 1"]
				      }
				      logConfiguration = {
				        logDriver = "awslogs"
				        options = {
				          awslogs-group         = "/ecs/app-$i"
				          awslogs-region        = "us-east-1"
				          awslogs-stream-prefix = "app"
				        }
				      }
				    }]
				  }
				}

				resource "terraform_data" "app_$i" {
				  input = provider::ecskit::normalize_container_definitions(jsonencode(local.task_$i.containerDefinitions), "awsvpc")

				  lifecycle {
				    precondition {
				      condition     = alltrue([for f in provider::ecskit::check_task_definition(jsonencode(local.task_$i)) : f.severity != "error"])
				      error_message = "Task definition app-$i breaks an ecskit rule: see provider::ecskit::check_task_definition."
				    }
				  }
				}

			HCL
		done
	} >"$work/plan-func/main.tf"

	# What any 200 data sources cost, whatever they do: 200 of the smallest ecskit data source, ecskit_fargate_size
	# (three attributes in, two out), feeding the same 100 terraform_data. The difference to plain jsonencode is
	# Terraform's and the plugin framework's cost per data source; the difference to the composed task
	# definitions, what their larger schemas and ecskit's own work add.
	{
		printf 'terraform {\n  required_providers {\n    ecskit = {\n      source = "ecskit/ecskit"\n    }\n  }\n}\n\n'
		for i in $(seq 1 100); do
			cat <<-HCL
				data "ecskit_fargate_size" "cpu_$i" {
				  min_cpu = "256"
				}

				data "ecskit_fargate_size" "memory_$i" {
				  min_memory = "$((512 * (i % 4 + 1)))"
				}

				resource "terraform_data" "app_$i" {
				  input = [data.ecskit_fargate_size.cpu_$i.cpu, data.ecskit_fargate_size.memory_$i.memory]
				}

			HCL
		done
	} >"$work/plan-small/main.tf"

	declare -ga plan_ecskit=() plan_json=() plan_func=() plan_small=()
	# One plan of each first, untimed: checks both work and warms the caches.
	for d in plan-ecskit plan-json plan-func plan-small; do
		TF_CLI_CONFIG_FILE="$work/terraformrc" "$tf" -chdir="$work/$d" plan -input=false -lock=false -no-color >"$work/plan.log" 2>&1 ||
			die "terraform plan failed in $d: $(tail -n 20 "$work/plan.log")"
		grep -q "100 to add" "$work/plan.log" || die "terraform plan in $d did not plan 100 resources: $(tail -n 20 "$work/plan.log")"
	done
	for r in $(seq 1 "$rounds"); do
		log "round $r/$rounds: terraform plan, ecskit data sources, jsonencode and ecskit functions"
		TF_CLI_CONFIG_FILE="$work/terraformrc" "$bin/measure" -o "$work/m" "$tf" -chdir="$work/plan-ecskit" plan -input=false -lock=false -no-color
		[ "$(field exit "$work/m")" = 0 ] || die "terraform plan (ecskit) failed in round $r"
		plan_ecskit+=("$(field wall "$work/m")")
		TF_CLI_CONFIG_FILE="$work/terraformrc" "$bin/measure" -o "$work/m" "$tf" -chdir="$work/plan-json" plan -input=false -lock=false -no-color
		[ "$(field exit "$work/m")" = 0 ] || die "terraform plan (jsonencode) failed in round $r"
		plan_json+=("$(field wall "$work/m")")
		TF_CLI_CONFIG_FILE="$work/terraformrc" "$bin/measure" -o "$work/m" "$tf" -chdir="$work/plan-func" plan -input=false -lock=false -no-color
		[ "$(field exit "$work/m")" = 0 ] || die "terraform plan (functions) failed in round $r"
		plan_func+=("$(field wall "$work/m")")
		TF_CLI_CONFIG_FILE="$work/terraformrc" "$bin/measure" -o "$work/m" "$tf" -chdir="$work/plan-small" plan -input=false -lock=false -no-color
		[ "$(field exit "$work/m")" = 0 ] || die "terraform plan (small data sources) failed in round $r"
		plan_small+=("$(field wall "$work/m")")
	done
}

main "$@"
exit
