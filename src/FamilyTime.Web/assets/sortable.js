// Only the staff pages with sortable tables load this (and MoJ Frontend's stylesheet): the portal, read on
// families' phones, never downloads the case-working components. app.js runs first (module scripts run in order).
import { initAll } from '/lib/moj/moj-frontend.min.js'

initAll()
