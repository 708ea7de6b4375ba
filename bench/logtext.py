"""Filler text for the benchmark log generators (gen_claude_logs.py, gen_codex_logs.py): one
seeded stream, a pool of prose and a pool of code to cut pieces from, and seeded UUIDs."""
import random, uuid

WORDS = ("the a to of and in is it for that this with on be as are not fix test add run use "
         "file function error build check update config value return import class def self "
         "module user request response cache session token parse line path value list map "
         "null index string number object array type field method call result output input").split()
CODE = ("def {n}(self, value):\n    if value is None:\n        return {{}}\n    result = self.cache.get(value)\n"
        "    for item in result.items():\n        yield item.key, item.value\n\n")


class Filler:
    """The generator's random stream (rnd) and what it cuts from it; same seed, same pieces."""

    def __init__(self, seed):
        self.rnd = random.Random(seed)
        self.pool = " ".join(self.rnd.choice(WORDS) for _ in range(400_000))
        self.code = "".join(CODE.format(n="f%d" % i) for i in range(4000))

    def text(self, n):
        s = self.rnd.randrange(0, len(self.pool) - n - 1); return self.pool[s:s + n]

    def codetext(self, n):
        s = self.rnd.randrange(0, len(self.code) - n - 1); return self.code[s:s + n]

    def uid(self):
        return str(uuid.UUID(int=self.rnd.getrandbits(128), version=4))
