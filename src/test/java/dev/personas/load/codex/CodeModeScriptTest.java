package dev.personas.load.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.load.codex.CodeModeScript.Call;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeModeScriptTest {

  @Test
  void eachToolsCallOutsideStringsAndCommentsIsACall() {
    String script = "// tools.fake() in a comment\n"
        + "/* tools.other(1) */\n"
        + "const s = 'tools.quoted(2)';\n"
        + "const [a, b] = await Promise.all([\n"
        + "  tools.exec_command({cmd: \"rg -n \\\"TODO\\\" src\", workdir: \"/w\"}),\n"
        + "  tools.exec_command({\"cmd\": `git log --oneline -5`}),\n"
        + "]);\n"
        + "lockfile.tools.get(x);\n"
        + "text(await tools.web__run({q: 'x'}));\n"
        + "await tools.mcp__github__create_pull_request({title: \"t\"});\n";
    List<Call> calls = CodeModeScript.calls(script);
    assertEquals(List.of("exec_command", "exec_command", "web.run", "mcp__github__create_pull_request"),
        calls.stream().map(Call::name).toList());
    assertEquals("rg -n \"TODO\" src", calls.get(0).command());
    assertEquals("git log --oneline -5", calls.get(1).command());
  }

  @Test
  void aShellCommandIsReadFromCmdOrCommandOfTheObjectTheCallIsGiven() {
    List<Call> calls = CodeModeScript.calls(
        "await tools.shell_command({command: \"Get-Content a.txt\", workdir: \"C:\\\\w\"});\n"
            + "await tools.exec_command({env: {cmd: \"inner\"}, cmd: \"outer\"});\n"
            + "await tools.update_plan({plan: [{step: \"x\", status: \"done\"}]});");
    assertEquals(Arrays.asList("Get-Content a.txt", "outer", null), calls.stream().map(Call::command).toList());
  }

  @Test
  void aRawPatchKeepsItsBackslashes() {
    List<Call> calls = CodeModeScript.calls("const patch = String.raw`*** Begin Patch\n"
        + "*** Update File: C:\\Users\\me\\new.txt\n*** End Patch`;\ntext(await tools.apply_patch(patch));");
    assertTrue(calls.get(0).patch().contains("*** Update File: C:\\Users\\me\\new.txt"), calls.get(0).patch());
  }

  @Test
  void aPatchIsReadFromItsLiteralOrItsVariable() {
    String patch = "*** Begin Patch\\n*** Update File: a.md\\n+x\\n*** End Patch";
    List<Call> calls = CodeModeScript.calls("const patch = \"" + patch + "\";\n"
        + "text(await tools.apply_patch(patch));\n"
        + "text(await tools.apply_patch(String.raw`*** Begin Patch\n*** Add File: b.py\n+y\n*** End Patch`));\n"
        + "text(await tools.apply_patch(unknown));\n");
    assertEquals(3, calls.size());
    assertTrue(calls.get(0).patch().startsWith("*** Begin Patch\n*** Update File: a.md\n"));
    assertTrue(calls.get(1).patch().contains("*** Add File: b.py"));
    assertEquals(null, calls.get(2).patch());
  }

  @Test
  void escapesAreDecodedAndBrokenOnesKeptAsWritten() {
    List<Call> calls = CodeModeScript.calls(
        "tools.exec_command({cmd: \"printf '\\x41\\u0042\\u{43}\\t\\q' \\\\ \\u{110000}\"});");
    assertEquals("printf 'ABC\tq' \\ u{110000}", calls.get(0).command());
  }

  @Test
  void aBrokenCodePointEscapeDoesNotSwallowWhatFollows() {
    List<Call> calls = CodeModeScript.calls("const s = \"\\u{zz\" + x});\ntools.update_plan({});\n"
        + "tools.exec_command({cmd: \"a \\\r\nb\"});");
    assertEquals(List.of("update_plan", "exec_command"), calls.stream().map(Call::name).toList());
    assertEquals("a b", calls.get(1).command());
  }

  @Test
  void anUnterminatedStringEndsAtItsLineAndAScriptWithoutCallsHasNone() {
    assertEquals(List.of(), CodeModeScript.calls("text(1 + 1);"));
    List<Call> calls = CodeModeScript.calls("const s = \"open\ntools.exec_command({cmd: \"ls\"});");
    assertEquals(List.of("exec_command"), calls.stream().map(Call::name).toList());
    assertEquals("ls", calls.get(0).command());
  }

  @Test
  void aFailedScriptFailsItsLastCallAndAPrintedExitCodeItsOnlyCall() {
    assertTrue(CodeModeScript.failed("Script failed\nWall time 0.1 seconds\n", 1, 2));
    assertFalse(CodeModeScript.failed("Script failed\nWall time 0.1 seconds\n", 0, 2));
    assertTrue(CodeModeScript.failed("Script completed\nOutput:\n{\"exit_code\":2,\"output\":\"x\"}", 0, 1));
    assertFalse(CodeModeScript.failed("Script completed\nOutput:\n{\"exit_code\":0}", 0, 1));
    assertTrue(CodeModeScript.failed("Script completed\nOutput:\nProcess exited with code 1", 0, 1));
    // With two calls a printed code cannot be told apart.
    assertFalse(CodeModeScript.failed("Script completed\nOutput:\n{\"exit_code\":2}", 0, 2));
    assertFalse(CodeModeScript.failed("Script completed\nOutput:\nall tests passed", 0, 1));
  }
}
