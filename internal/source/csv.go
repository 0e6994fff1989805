package source

import (
	"encoding/csv"
	"errors"
)

// CSVError turns an encoding/csv reader failure into an *Error at the line
// the reader gives, so that every CSV parser reports broken input alike.
// An *Error (bad UTF-8, already positioned) is returned as it is; any
// other failure is the file not being readable.
func CSVError(path string, err error) error {
	var se *Error
	if errors.As(err, &se) {
		return se
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Errorf(path, pe.Line, "", "malformed CSV: %v", pe.Err)
	}
	return Errorf(path, 0, "", "cannot read: %v", err)
}
