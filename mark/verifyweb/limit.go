package verifyweb

import (
	"container/list"
	"sync"
	"time"
)

// limiter keeps a token bucket for each client, at most max of them: the
// least recently seen client is forgotten first. Forgetting a client gives
// it a full bucket again, which costs an attacker as many addresses as it
// takes to push it out.
type limiter struct {
	mu    sync.Mutex
	rate  float64 // tokens a second
	burst float64
	max   int
	byKey map[string]*list.Element
	lru   list.List // of *bucket, most recent first
}

type bucket struct {
	key    string
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst, max int) *limiter {
	return &limiter{rate: rate, burst: float64(burst), max: max, byKey: make(map[string]*list.Element)}
}

// allow takes a token from key's bucket at now, or says how long until one
// is there.
func (l *limiter) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b *bucket
	if e, ok := l.byKey[key]; ok {
		l.lru.MoveToFront(e)
		b = e.Value.(*bucket)
		if d := now.Sub(b.last); d > 0 {
			b.tokens = min(l.burst, b.tokens+d.Seconds()*l.rate)
			b.last = now
		}
	} else {
		for l.lru.Len() >= l.max {
			old := l.lru.Back()
			l.lru.Remove(old)
			delete(l.byKey, old.Value.(*bucket).key)
		}
		b = &bucket{key: key, tokens: l.burst, last: now}
		l.byKey[key] = l.lru.PushFront(b)
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// clients returns the number of buckets kept.
func (l *limiter) clients() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}
