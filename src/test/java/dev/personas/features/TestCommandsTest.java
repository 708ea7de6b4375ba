package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestCommandsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "pytest",
      "pytest -q tests/test_api.py::test_login",
      "python -m pytest -x",
      "python3 -m unittest discover -s tests",
      ".venv/bin/pytest -k slow",
      "uv run pytest tests/",
      "poetry run pytest --maxfail=1",
      "tox -e py312",
      "nox -s tests",
      "mvn test",
      "mvn -B -q -Dtest=FooTest test",
      "./mvnw clean verify",
      "gradle test",
      "./gradlew :app:testDebugUnitTest",
      "./gradlew check --info",
      "npm test",
      "npm run test -- --watch=false",
      "yarn test:unit",
      "pnpm --filter web test",
      "bun test",
      "npx jest src/foo.test.ts",
      "npx vitest run",
      "npx mocha 'test/**/*.spec.js'",
      "jest --coverage",
      "cargo test --all-features",
      "cargo +nightly nextest run",
      "go test ./...",
      "dotnet test MySolution.sln",
      "rspec spec/models",
      "bundle exec rspec",
      "vendor/bin/phpunit --filter UserTest",
      "php artisan test",
      "make test",
      "make -C build check",
      "ctest --output-on-failure",
      "python manage.py test accounts",
      "cd backend && CI=true npm test 2>&1 | tail -20",
      "bash -lc 'cd repo && pytest -q'",
      "timeout 600 go test -race ./pkg/...",
      "source .venv/bin/activate; pytest",
      "swift test",
      "flutter test",
      "deno test --allow-net",
      "node --test",
      "npx playwright test",
  })
  void recognisesTestRunners(String command) {
    assertTrue(TestCommands.isTestRun(command), command);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "echo \"npm test\"",
      "echo 'run pytest next'",
      "grep -rn test src/",
      "rg pytest pyproject.toml",
      "cat tests/test_api.py",
      "ls test",
      "git commit -m \"make npm test pass\"",
      "npm install",
      "npm run build",
      "pip install pytest",
      "mvn clean package -DskipTests",
      "mvn -DskipTests verify",
      "./gradlew build -x test",
      "./gradlew testClasses",
      "cargo build --release",
      "go build ./...",
      "go vet ./...",
      "make build",
      "docker build -t test .",
      "find . -name '*_test.go'",
      "pytest --version",
      "cat > run.sh <<'EOF'\npytest -q\nEOF",
      "vim test/foo.py",
  })
  void ignoresCommandsThatDoNotRunTests(String command) {
    assertFalse(TestCommands.isTestRun(command), command);
  }

  @Test
  void echoOfTestCommandIsNotATestRunButTheCommandAfterItIs() {
    assertFalse(TestCommands.isTestRun("echo \"npm test; go test\""));
    assertTrue(TestCommands.isTestRun("echo starting; go test ./..."));
  }

  @Test
  void missingCommandIsNotATestRun() {
    assertFalse(TestCommands.isTestRun((String) null));
    assertFalse(TestCommands.isTestRun(""));
  }
}
