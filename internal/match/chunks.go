package match

// chunks is an append-only sequence kept in blocks of fixed size: growing
// it never copies what it holds. A slice of a million entity records
// would be copied over and over as it grew, each time under the garbage
// collector's write barriers; that was 40% of building such an index.
type chunks[T any] struct {
	blocks [][]T
	n      int
}

const chunkBits = 12

func (c *chunks[T]) append(v T) {
	if c.n&(1<<chunkBits-1) == 0 {
		c.blocks = append(c.blocks, make([]T, 0, 1<<chunkBits))
	}
	b := &c.blocks[len(c.blocks)-1]
	*b = append(*b, v)
	c.n++
}

// at returns element i, which must be below len.
func (c *chunks[T]) at(i uint32) *T { return &c.blocks[i>>chunkBits][i&(1<<chunkBits-1)] }

func (c *chunks[T]) len() int { return c.n }
