#!/usr/bin/env node
// The installed `crm` binary: the bundled program lives in dist/ (built by `npm install`).
import { main } from '../dist/main.js';

main();
