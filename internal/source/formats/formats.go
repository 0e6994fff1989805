// Package formats lists every publisher format embargo reads, in the order
// content sniffing tries them: specific formats before generic ones.
package formats

import (
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/csl"
	"github.com/embargo-screening/embargo/internal/source/eu"
	"github.com/embargo-screening/embargo/internal/source/ftm"
	"github.com/embargo-screening/embargo/internal/source/gbfcdo"
	"github.com/embargo-screening/embargo/internal/source/gbofsi"
	"github.com/embargo-screening/embargo/internal/source/ofac"
	"github.com/embargo-screening/embargo/internal/source/ofacxml"
	"github.com/embargo-screening/embargo/internal/source/senzing"
	"github.com/embargo-screening/embargo/internal/source/un"
)

// All returns the formats.
func All() []source.Format {
	return []source.Format{
		un.Format,
		ofac.SDNCSV,
		ofac.ConsCSV,
		ofacxml.Format,
		eu.Format,
		gbfcdo.Format,
		gbofsi.Format,
		csl.Format,
		ftm.Format,
		senzing.Format,
	}
}
