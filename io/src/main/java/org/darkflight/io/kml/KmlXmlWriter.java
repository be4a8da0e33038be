package org.darkflight.io.kml;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting layer over the JDK's built-in StAX writer
 * ({@link XMLOutputFactory#newDefaultFactory()}, so the bytes do not change when another StAX
 * implementation such as Woodstox appears on the classpath). Every element is in the KML 2.2
 * namespace (default namespace); all text passes through {@link XmlText#clean}.
 */
final class KmlXmlWriter implements AutoCloseable {

  /** The OGC KML 2.2 namespace. */
  static final String KML_NS = "http://www.opengis.net/kml/2.2";

  private final XMLStreamWriter xml;
  private int depth;
  private boolean lastWasStart;

  KmlXmlWriter(OutputStream out) throws XMLStreamException {
    this.xml = XMLOutputFactory.newDefaultFactory()
        .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
  }

  void startDocument() throws XMLStreamException {
    xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
    xml.writeCharacters("\n");
    xml.setDefaultNamespace(KML_NS);
    xml.writeStartElement(KML_NS, "kml");
    xml.writeDefaultNamespace(KML_NS);
    depth = 1;
    lastWasStart = true;
  }

  void endDocument() throws XMLStreamException {
    end();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.flush();
  }

  /** Opens an element on a new indented line. */
  KmlXmlWriter start(String name) throws XMLStreamException {
    newline();
    xml.writeStartElement(KML_NS, name);
    depth++;
    lastWasStart = true;
    return this;
  }

  /** Adds an attribute to the element just opened. */
  KmlXmlWriter attribute(String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, XmlText.clean(value));
    return this;
  }

  /** Closes the innermost element. */
  void end() throws XMLStreamException {
    depth--;
    if (!lastWasStart) {
      newline();
    }
    xml.writeEndElement();
    lastWasStart = false;
  }

  /** An element holding only text, on one line. */
  void leaf(String name, String text) throws XMLStreamException {
    newline();
    xml.writeStartElement(KML_NS, name);
    xml.writeCharacters(XmlText.clean(text));
    xml.writeEndElement();
    lastWasStart = false;
  }

  /** An element with one attribute holding only text, on one line. */
  void leaf(String name, String attribute, String value, String text)
      throws XMLStreamException {
    newline();
    xml.writeStartElement(KML_NS, name);
    xml.writeAttribute(attribute, XmlText.clean(value));
    xml.writeCharacters(XmlText.clean(text));
    xml.writeEndElement();
    lastWasStart = false;
  }

  /** An empty element with attributes given as name/value pairs. */
  void empty(String name, String... attributes) throws XMLStreamException {
    newline();
    xml.writeEmptyElement(KML_NS, name);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      xml.writeAttribute(attributes[i], XmlText.clean(attributes[i + 1]));
    }
    lastWasStart = false;
  }

  private void newline() throws XMLStreamException {
    xml.writeCharacters("\n");
    xml.writeCharacters("  ".repeat(depth));
  }

  @Override
  public void close() throws XMLStreamException {
    xml.close();
  }
}
