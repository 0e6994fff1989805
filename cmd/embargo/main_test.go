package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// buildBinary compiles embargo into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary: skipped in -short mode")
	}
	bin := filepath.Join(t.TempDir(), "embargo")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigFtM writes a FollowTheMoney JSON lines file large enough that its
// import is still running when the test interrupts it.
func bigFtM(t *testing.T, dir string, n int) string {
	t.Helper()
	p := filepath.Join(dir, "entities.ftm.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		fmt.Fprintf(w, `{"id":"syn-%d","schema":"Person","properties":{"name":["Person Number %d"],"birthDate":["19%02d"],"nationality":["ir"]},"datasets":["synthetic"]}`+"\n", i, i, i%100)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func lsJSON(t *testing.T, bin, db string) string {
	t.Helper()
	out, err := exec.Command(bin, "lists", "ls", "--db", db, "--json").Output()
	if err != nil {
		t.Fatalf("lists ls: %v", err)
	}
	return string(out)
}

// TestInterruptedImport kills an import in the middle of its transaction,
// politely (SIGINT) and not (SIGKILL), and checks that the store is as it
// was and intact.
func TestInterruptedImport(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	small := filepath.Join(dir, "small", "entities.ftm.json")
	os.MkdirAll(filepath.Dir(small), 0o755)
	os.WriteFile(small, []byte(`{"id":"a-1","schema":"Person","properties":{"name":["Ali Hassan"]},"datasets":["first"]}`+"\n"), 0o644)
	big := bigFtM(t, dir, 400_000)

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "embargo.db")
			if out, err := exec.Command(bin, "lists", "import", "--db", db, small).CombinedOutput(); err != nil {
				t.Fatalf("small import: %v\n%s", err, out)
			}
			before := lsJSON(t, bin, db)

			cmd := exec.Command(bin, "lists", "import", "--db", db, big)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the transaction has spilled pages to the WAL: the
			// import is then well inside its transaction.
			deadline := time.Now().Add(60 * time.Second)
			for {
				if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > 4<<20 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("import never got under way")
				}
				time.Sleep(5 * time.Millisecond)
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("import finished before the signal (err %v): make the input larger", err)
			}
			if sig == syscall.SIGINT {
				if ee.ExitCode() != 2 || !strings.Contains(stderr.String(), "entities.ftm.json: import interrupted after") {
					t.Fatalf("SIGINT: exit %d, stderr %q", ee.ExitCode(), stderr.String())
				}
			}

			if after := lsJSON(t, bin, db); after != before {
				t.Fatalf("store changed:\nbefore %s\nafter  %s", before, after)
			}
			conn, err := sql.Open("sqlite", db)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			var check string
			var members int
			if err := conn.QueryRowContext(context.Background(), "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
				t.Fatalf("integrity_check: %q, %v", check, err)
			}
			conn.QueryRow("SELECT count(*) FROM members").Scan(&members)
			if members != 1 {
				t.Fatalf("%d member rows after the interrupted import, want 1", members)
			}
			var vs []map[string]any
			json.Unmarshal([]byte(before), &vs)
			if len(vs) != 1 {
				t.Fatalf("versions before: %s", before)
			}
		})
	}
}
