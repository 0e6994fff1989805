package match

import "testing"

func TestChunks(t *testing.T) {
	var c chunks[int]
	const n = 3<<chunkBits + 5 // several full blocks and a partial one
	for i := range n {
		c.append(i * 7)
	}
	if c.len() != n {
		t.Fatalf("len = %d, want %d", c.len(), n)
	}
	for i := range uint32(n) {
		if got := *c.at(i); got != int(i)*7 {
			t.Fatalf("at(%d) = %d, want %d", i, got, i*7)
		}
	}
	// Pointers stay valid as it grows: blocks are never moved.
	p := c.at(0)
	for range 1 << chunkBits {
		c.append(0)
	}
	if *p != 0 || p != c.at(0) {
		t.Errorf("element 0 moved")
	}
}
