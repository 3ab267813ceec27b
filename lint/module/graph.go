package module

// order returns the nodes 0..n-1 in dependency order (dependencies first) and the cycles found, each as its
// nodes in reference order. deps(i) lists the nodes that node i refers to. The walk is iterative, so deep
// chains cannot overflow the stack; every edge is followed once.
func order(n int, deps func(int) []int) (sorted []int, cycles [][]int) {
	const (
		unvisited = iota
		active
		done
	)
	state := make([]int, n)
	type frame struct {
		node, next int
		deps       []int
	}
	for start := 0; start < n; start++ {
		if state[start] != unvisited {
			continue
		}
		stack := []frame{{node: start, deps: deps(start)}}
		state[start] = active
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(top.deps) {
				state[top.node] = done
				sorted = append(sorted, top.node)
				stack = stack[:len(stack)-1]
				continue
			}
			d := top.deps[top.next]
			top.next++
			switch state[d] {
			case unvisited:
				state[d] = active
				stack = append(stack, frame{node: d, deps: deps(d)})
			case active:
				var cycle []int
				for i := len(stack) - 1; i >= 0; i-- {
					cycle = append(cycle, stack[i].node)
					if stack[i].node == d {
						break
					}
				}
				for i, j := 0, len(cycle)-1; i < j; i, j = i+1, j-1 {
					cycle[i], cycle[j] = cycle[j], cycle[i]
				}
				cycles = append(cycles, cycle)
			}
		}
	}
	return sorted, cycles
}
