// Package source defines how publisher files become entities: the Format
// each parser implements, the Input it reads, and the positioned Error it
// reports when a file is broken. The parsers live in sub-packages, one per
// publisher; package source/formats lists them.
package source

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Format is one publisher file format.
type Format struct {
	// Name identifies the format in messages and in the store ("un_xml").
	Name string
	// Dataset is the dataset its entities belong to unless the user says
	// otherwise (an FtM or Senzing file names none of its own).
	Dataset string
	// DatasetFor, when set, picks the dataset from the file's path, for
	// formats shared by two lists (OFAC's SDN_ADVANCED and CONS_ADVANCED).
	DatasetFor func(path string) string
	// Sniff reports whether a file, given its base name and its first
	// bytes (up to SniffSize), is in this format. It must not guess: a
	// false positive sends a file to the wrong parser.
	Sniff func(name string, head []byte) bool
	// Set, for formats spread over several files (OFAC's CSV set), says
	// whether a base name belongs to the set and which role it plays.
	// Nil for single-file formats.
	Set func(name string) (role string, ok bool)
	// Parse reads one publication and calls emit once per entity, in file
	// order. It streams: memory must not grow with the file beyond what
	// joining a multi-file set needs. It returns the publication's own
	// metadata where the file carries it.
	Parse func(ctx context.Context, in Input, emit func(*entity.Entity) error) (Meta, error)
}

// SniffSize is how many leading bytes Sniff is shown.
const SniffSize = 4096

// Input is one publication to parse.
type Input struct {
	Dataset string // the dataset to give the entities
	Files   []File // one file, or the files of a set with their roles
}

// File is one file of an input. Open may be called more than once.
type File struct {
	Path string // as the user gave it, for messages
	Role string // for sets: "main", "alt", "add", "comments"; else ""
	Open func() (io.ReadCloser, error)
}

// Meta is what a publication says about itself.
type Meta struct {
	Published string // ISO date, "" when the file does not say
}

// OSFile is a File read from disk.
func OSFile(path string) File {
	return File{Path: path, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// BytesFile is a File held in memory, for tests and fuzzing.
func BytesFile(name string, data []byte) File {
	return File{Path: name, Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// Single returns the input's one file, for formats that are one file; a
// wrong count is an *Error like any other bad input. format names the
// format in the message: "the EU FSF XML" is a single file.
func (in Input) Single(format string) (File, error) {
	if len(in.Files) != 1 {
		paths := make([]string, len(in.Files))
		for i, f := range in.Files {
			paths[i] = f.Path
		}
		return File{}, Errorf(strings.Join(paths, ", "), 0, "", "%s is a single file, got %d files", format, len(in.Files))
	}
	return in.Files[0], nil
}

// Role returns the file with the given role, or false.
func (in Input) Role(role string) (File, bool) {
	for _, f := range in.Files {
		if f.Role == role {
			return f, true
		}
	}
	return File{}, false
}

// Error is a broken input: which file, where in it, and what was expected.
// Every parser returns its failures as *Error so the command line can tell
// bad input (exit 2) from other failures.
type Error struct {
	File    string // path as given
	Line    int    // 1-based; 0 when unknown
	Element string // XML element path or CSV column, when that helps
	Msg     string
}

func (e *Error) Error() string {
	loc := filepath.ToSlash(e.File)
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
	}
	if e.Element != "" {
		loc += " <" + e.Element + ">"
	}
	return loc + ": " + e.Msg
}

// Errorf builds an *Error.
func Errorf(file string, line int, element, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Element: element, Msg: fmt.Sprintf(format, args...)}
}
