package module

import (
	"container/list"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// ParseCache keeps parsed module directories (their files' syntax trees and the declarations read from them)
// and parsed variable files across the Load calls of one run, so that a module called from many roots, or
// linted on its own and again as a child, is read and parsed once. It is safe for concurrent use: Loads
// that need the same file while it is being parsed wait for that one parse. It holds at most about maxBytes of
// source with the syntax trees parsed from it, dropping the least recently used files first, so memory stays
// bounded however many files a run reads.
//
// Files are not read again once parsed: use one cache for one run, and the same Options.MaxFileSize in all its
// Loads.
type ParseCache struct {
	max     int64
	mu      sync.Mutex
	size    int64 // source bytes of the parsed files held
	lru     list.List
	entries map[parseKey]*list.Element
	shared  map[string]bool // with SetShared: the only module directories kept
}

// SetShared tells the cache which module directories (real paths) the coming Loads will read more than once,
// as a caller that knows the calls of a tree can tell (ecslint --recursive): from then on only those are kept,
// so that modules read once do not push out those read again. Nil (the default) keeps every module directory
// and variable file until the size bound pushes it out. A directory missing from the set is only parsed again
// when it is read again.
func (c *ParseCache) SetShared(dirs map[string]bool) {
	c.mu.Lock()
	c.shared = dirs
	c.mu.Unlock()
}

// parseKey names a parsed module directory or file: its real path and the name its ranges carry (the same file
// reached through two display paths has two syntax trees).
type parseKey struct {
	dir        bool
	real, name string
}

type parsed struct {
	key   parseKey
	val   any // *parsedModule or *hcl.File; nil when it could not be read
	diags hcl.Diagnostics
	ready chan struct{} // closed once val and diags are set
	size  int64         // source bytes counted in the cache's size (0 while parsing)
}

// parsedModule is a parsed module directory.
type parsedModule struct {
	cfg   *moduleConfig
	files map[string]*hcl.File // by the name in ranges
}

// NewParseCache returns a cache that holds about maxBytes of source.
func NewParseCache(maxBytes int64) *ParseCache {
	return &ParseCache{max: maxBytes, entries: map[parseKey]*list.Element{}}
}

// get returns the value for key, made with parse unless it is held or being made. parse also returns the
// source bytes the value holds; a nil value (a read error) is not kept, nor, unless keep is set, a value made
// here: what is read once in a run (the directory a Load starts from) would only push out what is read again.
func (c *ParseCache) get(key parseKey, keep bool, parse func() (any, int64, hcl.Diagnostics)) (any, hcl.Diagnostics) {
	c.mu.Lock()
	if e := c.entries[key]; e != nil {
		c.lru.MoveToFront(e)
		p := e.Value.(*parsed)
		c.mu.Unlock()
		<-p.ready
		return p.val, p.diags
	}
	if !keep || c.shared != nil && !(key.dir && c.shared[key.real]) {
		c.mu.Unlock()
		v, _, diags := parse()
		return v, diags
	}
	p := &parsed{key: key, ready: make(chan struct{})}
	e := c.lru.PushFront(p)
	c.entries[key] = e
	c.mu.Unlock()

	var size int64
	p.val, size, p.diags = parse()
	close(p.ready)

	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.entries[key] != e: // dropped while parsing
	case p.val == nil:
		c.remove(e)
	default:
		p.size = size
		c.size += p.size
		for c.size > c.max && c.lru.Len() > 0 {
			c.remove(c.lru.Back())
		}
	}
	return p.val, p.diags
}

// remove drops an entry; c.mu is held.
func (c *ParseCache) remove(e *list.Element) {
	p := c.lru.Remove(e).(*parsed)
	delete(c.entries, p.key)
	c.size -= p.size
}
