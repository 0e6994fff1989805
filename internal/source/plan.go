package source

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Job is one publication to import: a format and its input.
type Job struct {
	Format Format
	Input  Input
}

// Paths lists the files of an input, for messages.
func (j Job) Paths() []string {
	out := make([]string, len(j.Input.Files))
	for i, f := range j.Input.Files {
		out[i] = f.Path
	}
	return out
}

// Plan turns the paths a user gave (files or folders, walked recursively)
// into jobs. Files of a multi-file set that sit in one folder become one
// job; every other file is recognized by its content. dataset, when not
// empty, is the user's --source: it picks the format when the content is
// ambiguous and names the dataset the entities go to.
//
// Any file it cannot place is an error: importing a folder must not skip
// a list silently.
func Plan(paths []string, formats []Format, dataset string) ([]Job, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, &Error{File: p, Msg: "cannot read: " + errMsg(err)}
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return &Error{File: path, Msg: "cannot read: " + errMsg(err)}
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(files) == 0 {
		return nil, &Error{File: strings.Join(paths, " "), Msg: "no files to import"}
	}

	var jobs []Job
	sets := map[string]int{} // folder + format name -> index in jobs
	for _, path := range files {
		f, err := pick(path, formats, dataset)
		if err != nil {
			return nil, err
		}
		file := OSFile(path)
		if f.Set != nil {
			role, _ := f.Set(filepath.Base(path))
			file.Role = role
			key := filepath.Dir(path) + "\x00" + f.Name
			if i, ok := sets[key]; ok {
				if _, dup := jobs[i].Input.Role(role); dup {
					return nil, &Error{File: path, Msg: fmt.Sprintf("a second %q file for the %s set in the same folder", role, f.Name)}
				}
				jobs[i].Input.Files = append(jobs[i].Input.Files, file)
				continue
			}
			sets[key] = len(jobs)
		}
		ds := dataset
		if ds == "" {
			ds = f.Dataset
			if f.DatasetFor != nil {
				ds = f.DatasetFor(path)
			}
		}
		jobs = append(jobs, Job{Format: f, Input: Input{Dataset: ds, Files: []File{file}}})
	}
	for _, j := range jobs {
		if j.Format.Set != nil {
			if _, ok := j.Input.Role("main"); !ok {
				return nil, &Error{File: j.Input.Files[0].Path, Msg: fmt.Sprintf("the %s set in this folder has no main file (e.g. sdn.csv or cons_prim.csv)", j.Format.Name)}
			}
			sort.SliceStable(j.Input.Files, func(a, b int) bool { return roleRank(j.Input.Files[a].Role) < roleRank(j.Input.Files[b].Role) })
		}
	}
	return jobs, nil
}

func roleRank(role string) int {
	switch role {
	case "main":
		return 0
	case "alt":
		return 1
	case "add":
		return 2
	}
	return 3
}

// pick finds the format of one file.
func pick(path string, formats []Format, dataset string) (Format, error) {
	head, err := readHead(path)
	if err != nil {
		return Format{}, err
	}
	name := filepath.Base(path)
	var matches []Format
	for _, f := range formats {
		if f.Set != nil {
			if _, ok := f.Set(name); ok && (f.Sniff == nil || f.Sniff(name, head)) {
				matches = append(matches, f)
				continue
			}
		}
		if f.Sniff != nil && f.Sniff(name, head) {
			matches = append(matches, f)
		}
	}
	if dataset != "" {
		for _, f := range matches {
			if f.Dataset == dataset {
				return f, nil
			}
		}
	}
	if len(matches) > 0 {
		return matches[0], nil
	}
	if dataset != "" {
		// The user vouches for the dataset: let its parser say what is wrong.
		for _, f := range formats {
			if f.Dataset == dataset && f.Set == nil {
				return f, nil
			}
		}
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return Format{}, &Error{File: path, Line: 1, Msg: "unknown format: not one of " + strings.Join(names, ", ") + " (give --source DATASET if it is one of them)"}
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read: " + errMsg(err)}
	}
	defer f.Close()
	head := make([]byte, SniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, &Error{File: path, Msg: "cannot read: " + errMsg(err)}
	}
	if n == 0 {
		return nil, &Error{File: path, Msg: "empty file"}
	}
	return head[:n], nil
}

// errMsg drops the path that os errors repeat, since Error names the file.
func errMsg(err error) string {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return pe.Err.Error()
	}
	return err.Error()
}
