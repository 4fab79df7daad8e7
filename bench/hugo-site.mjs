// Writes a Hugo site over a generated corpus, for the benchmark's peer build: the same Markdown
// files as Hugo content, a `topics` taxonomy from their front matter, and a minimal theme with the
// page kinds the portal has (home with the latest documents, a page per document with its table of
// contents, a list per year folder, the topic list and a page per topic).
//
//   node bench/hugo-site.mjs <corpus folder> <site folder>
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const layouts = {
  '_default/baseof.html': `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}<a href="{{ "/topics/" | relURL }}">专题</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  '_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }} · {{ .Params.type }}{{ with .Params.topics }} · {{ range . }}<a href="{{ (printf "/topics/%s/" (urlize .)) | relURL }}">{{ . }}</a> {{ end }}{{ end }}</p>
<nav>{{ .TableOfContents }}</nav>
{{ .Content }}</article>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
`,
  'index.html': `{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul>{{ range first 10 (where .Site.RegularPages "Type" "ne" "") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
};

export function writeHugoSite(corpus, site) {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), `baseURL = "/"
title = "兰台"
languageCode = "zh-cn"
hasCJKLanguage = true
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
topic = "topics"
[markup.goldmark.renderer]
unsafe = false
[markup.tableOfContents]
startLevel = 2
endLevel = 4
`);
  cpSync(corpus, join(site, 'content'), { recursive: true, filter: (path) => !path.endsWith('.yml') });
  for (const [path, text] of Object.entries(layouts)) {
    mkdirSync(join(site, 'layouts', path, '..'), { recursive: true });
    writeFileSync(join(site, 'layouts', path), text);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeHugoSite(resolve(process.argv[2]), resolve(process.argv[3]));
}
