/** Typed JSON bodies of the HTTP simulation service (docs/service.md). */
package org.darkflight.io.service;
