package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files written through the shell are edits; scratch, logs and read-only commands are not. */
class FileWritesTest {

  private static ToolCall bash(String command) {
    return ToolCall.of(Event.toolCall(EventKind.TOOL_CALL, null, "Bash", command, null), null, 0);
  }

  @Test
  void writesThroughTheShellAreEdits() {
    for (String command : List.of(
        "cat > src/app.py <<'EOF'\nprint('hi')\nEOF",
        "cat <<EOF > README.md\n# Title\nEOF\nls",
        "echo 'node_modules' >> .gitignore",
        "mkdir -p docs && printf '%s\\n' a b > docs/notes.txt",
        "sed -i 's/foo/bar/g' src/a.ts",
        "sed -i.bak -e 's/a/b/' f",
        "sed -Ei '' 's/a/b/' f",
        "perl -pi -e 's/a/b/' lib/x.pm",
        "npm run gen | tee src/generated.ts",
        "Set-Content -Path app.ps1 -Value $code",
        "\"x\" | Out-File -FilePath notes.md",
        "git apply fix.patch",
        "patch -p1 < fix.diff",
        "python3 - <<'PY'\nfrom pathlib import Path\nPath('a.py').write_text('x')\nPY",
        "python -c \"open('cfg.json', 'w').write('{}')\"",
        "cd web && python3 <<EOF\nwith open(p, mode='w', encoding='utf-8') as f:\n  f.write(s)\nEOF",
        "node -e \"require('fs').writeFileSync('a.json', '{}')\"",
        "bash -lc \"cd repo && cat > x.go <<'EOF'\npackage x\nEOF\"",
        "npm test &> results.txt",
        "cat > \"docs/My Notes.md\" <<'EOF'\n# Notes\nEOF",
        "git grep -l foo | xargs sed -i 's/foo/bar/'",
        "find . -name '*.py' -exec sed -i 's/a/b/' {} +",
        "cat <<< \"hello\"\nsed -i 's/a/b/' src/app.py",
        "cat <<\\EOF > a.txt\nhello\nEOF")) {
      ToolCall call = bash(command);
      assertTrue(call.edit(), command);
      assertTrue(call.shell(), command);
      assertFalse(call.read(), command);
    }
  }

  @Test
  void scratchLogsAndReadsAreNotEdits() {
    for (String command : List.of(
        "npm test > /tmp/out.txt 2>&1",
        "pytest -q 2> errors.txt",
        "go build ./... > build.log",
        "echo done >&2",
        "ls > /dev/null",
        "cat > \"$TMPDIR/x.json\" <<EOF\n{}\nEOF",
        "dir > nul",
        "sed -n '1,20p' src/a.ts",
        "cat src/a.ts | tee /dev/stderr",
        "git apply --check fix.patch",
        "patch --dry-run -p1 < fix.diff",
        "python3 - <<'PY'\nprint(open('a.py').read())\nPY",
        "echo \"a > b\"",
        "python3 scripts/write_all.py",
        "cd /tmp/claude-1000/scratchpad && cat > probe.exp <<'EOF'\nspawn ssh dut\nEOF",
        "cd \"$TMPDIR\" && sed -i 's/a/b/' x.sh",
        "[[ \"$v\" > \"1.2\" ]] && echo newer",
        "if (( $# > 0 )); then echo args; fi",
        "echo $((a > b ? 1 : 0))",
        "echo x > \"$tmpfile\" && echo y > $TMP_FILE",
        "echo x > $(mktemp)",
        "python3 -c \"from PIL import Image; Image.open('assets/icon.png')\"",
        "python3 -c \"print(open('f.txt').read(), 'a')\"",
        "\"x\" | Out-File -FilePath build.log",
        "echo x > /dev/null\r\nls\r\n",
        "cat <<< \"hello\" > /dev/null",
        "cp a.py b.py && mv b.py c.py && rm c.py")) {
      assertFalse(bash(command).edit(), command);
    }
  }

  /** The file written is known where the command names it: a spec written so is a note written. */
  @Test
  void theFileWrittenIsTheOneTheCommandNames() {
    assertEquals("specs/001/spec.md", bash("cat > specs/001/spec.md <<'EOF'\n# Spec\nEOF").path());
    assertEquals("src/a.ts", bash("cd /tmp && cd ~/app && sed -i 's/a/b/' src/a.ts").path());
    assertEquals("notes.md", bash("'x' | Out-File -FilePath notes.md").path());
    assertEquals("README.md", bash("npm run gen > /tmp/g.txt && cat /tmp/g.txt | tee README.md").path());
    assertEquals("docs/My Notes.md", bash("cat > 'docs/My Notes.md' <<'EOF'\n# Notes\nEOF\ngit status").path());
    assertEquals("a.md", bash("cat <<EOF > a.md\r\n# A\r\nEOF\r\n").path());
    ToolCall script = bash("python3 - <<'PY'\nopen('a.py', 'w').write('x')\nPY");
    assertTrue(script.edit());
    assertNull(script.path());
  }

  /** What follows a quoted target, a here-string or a {@code <<\\EOF} heredoc is still read. */
  @Test
  void theCommandsAfterAnOddRedirectionAreStillRead() {
    assertEquals(List.of(List.of("echo", "hi"), List.of("git", "commit", "-m", "msg")),
        ShellCommands.simpleCommands("echo hi > \"out file.txt\"; git commit -m \"msg\""));
    assertEquals(List.of(List.of("cat"), List.of("echo", "done")),
        ShellCommands.simpleCommands("cat <<\\EOF > a.txt\nhello\nEOF\necho done > b.txt"));
    assertEquals(List.of(List.of("cat"), List.of("ls")), ShellCommands.simpleCommands("cat <<< \"a b\"\nls"));
  }

  @Test
  void aHeredocsBodyIsStillNotAWordOfTheCommand() {
    assertTrue(ShellCommands.parse("cat > run.sh <<'EOF'\npytest -q\nEOF").writesFiles());
    assertFalse(TestCommands.isTestRun("cat > run.sh <<'EOF'\npytest -q\nEOF"));
  }
}
