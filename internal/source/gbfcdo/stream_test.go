package gbfcdo

import (
	"testing"

	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// TestStreamsInBoundedMemory parses a 16 MB list and checks that the
// live heap stays far below the file size.
func TestStreamsInBoundedMemory(t *testing.T) {
	sourcetest.CheckStreams(t, Format, "<Designations><DateGenerated>01/01/2026</DateGenerated>", records(readFixture(t)), "</Designations>")
}
