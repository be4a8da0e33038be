package org.darkflight.io.meta;

/** The {@code producer} written into the canonical {@code meta} block of every artifact. */
public final class Producer {

  /** Name and version of the producing program. */
  public static final String NAME = "darkflight 0.1.0";

  private Producer() {}
}
