package gbfcdo

import (
	"testing"

	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

func TestMain(m *testing.M) { sourcetest.Main(m) }
