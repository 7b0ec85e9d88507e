// Compiles the council's stylesheet and copies the npm packages' scripts, fonts and images into wwwroot.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const modules = join(root, 'node_modules')
const www = join(root, 'wwwroot')

const css = sass.compile(join(root, 'assets', 'app.scss'), {
  loadPaths: [root, modules],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin']
})
mkdirSync(join(www, 'css'), { recursive: true })
writeFileSync(join(www, 'css', 'app.css'), css.css)

// MoJ Frontend's Sass re-configures GOV.UK Frontend and cannot share our settings, so its compiled stylesheet
// is used with the GOV.UK-only typeface taken out of its font stacks.
const mojCss = readFileSync(join(modules, '@ministryofjustice', 'frontend', 'moj', 'moj-frontend.min.css'), 'utf8')
  .replaceAll('"GDS Transport",', '').replaceAll('GDS Transport,', '')
writeFileSync(join(www, 'css', 'moj.css'), mojCss)

const govuk = join(modules, 'govuk-frontend', 'dist', 'govuk')
const moj = join(modules, '@ministryofjustice', 'frontend', 'moj')
mkdirSync(join(www, 'lib', 'govuk'), { recursive: true })
mkdirSync(join(www, 'lib', 'moj'), { recursive: true })
cpSync(join(govuk, 'govuk-frontend.min.js'), join(www, 'lib', 'govuk', 'govuk-frontend.min.js'))
cpSync(join(govuk, 'assets', 'images'), join(www, 'lib', 'govuk', 'assets', 'images'), { recursive: true })
cpSync(join(moj, 'moj-frontend.min.js'), join(www, 'lib', 'moj', 'moj-frontend.min.js'))
cpSync(join(moj, 'assets'), join(www, 'lib', 'moj', 'assets'), { recursive: true })
cpSync(join(root, 'assets', 'app.js'), join(www, 'lib', 'app.js'))
cpSync(join(root, 'assets', 'sortable.js'), join(www, 'lib', 'sortable.js'))
// Compressed once here, at the smallest size, rather than on every request: the server sends the .br or .gz
// beside a file to a browser that accepts it (Infrastructure/LightPages), so a parent's phone downloads a third.
for (const file of ['css/app.css', 'css/moj.css', 'lib/app.js', 'lib/sortable.js', 'lib/govuk/govuk-frontend.min.js', 'lib/moj/moj-frontend.min.js']) {
  const body = readFileSync(join(www, file))
  writeFileSync(join(www, file + '.br'), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
  writeFileSync(join(www, file + '.gz'), gzipSync(body, { level: 9 }))
}
console.log('front-end assets built')
