package eu

import (
	"testing"

	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// TestStreamsInBoundedMemory parses a 16 MB export and checks that the
// live heap stays far below the file size.
func TestStreamsInBoundedMemory(t *testing.T) {
	sourcetest.CheckStreams(t, Format, `<export xmlns="`+namespace+`" generationDate="2026-01-01">`, records(readFixture(t)), "</export>")
}
