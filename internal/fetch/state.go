package fetch

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// stateFile is the bookkeeping kept beside a source's cached files. It is
// hidden so that importing the cache folder by hand reads only the lists.
const stateFile = ".fetch.json"

// state is what a source's folder remembers between runs: the validators
// of each file as last imported, and which input the store holds for them.
// It is written only after an import succeeded, so validators always
// describe files the store has accepted: a broken download is fetched
// again next time, never taken for current.
type state struct {
	Files map[string]*fileState `json:"files"` // by file name
	// SHA256 and Version are those of the input last imported (or found
	// unchanged): a 304 for every file is only "unchanged" if the store
	// still holds it.
	SHA256  string `json:"sha256,omitempty"`
	Version int64  `json:"version,omitempty"`
}

// fileState is one cached file.
type fileState struct {
	URL          string `json:"url"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	Size         int64  `json:"size"`
	SHA256       string `json:"sha256"`
}

// loadState reads a source folder's state; a missing or unreadable one is
// an empty state, which costs a full download and nothing worse.
func loadState(dir string) (*state, error) {
	st := &state{Files: map[string]*fileState{}}
	b, err := os.ReadFile(filepath.Join(dir, stateFile))
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err == nil {
		err = json.Unmarshal(b, st)
	}
	if err != nil || st.Files == nil {
		return &state{Files: map[string]*fileState{}}, err
	}
	return st, nil
}

// save writes the state through a temporary file and a rename, so that a
// crash leaves the old state or the new one.
func (st *state) save(dir string) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, stateFile+".tmp-*")
	if err != nil {
		return err
	}
	if _, err = tmp.Write(append(b, '\n')); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, stateFile))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// cached reports whether the file the state describes is still on disk
// as it was written; only then may a conditional request be made for it,
// since a 304 means "use your copy".
func (f *fileState) cached(path string) bool {
	if f == nil || (f.ETag == "" && f.LastModified == "") {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == f.Size
}

// linkOrCopy puts the cached file src at dst for an import that mixes
// unchanged and new files of a set, which must sit in one folder.
func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err = io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
