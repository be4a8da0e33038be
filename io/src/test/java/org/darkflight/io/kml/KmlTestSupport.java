package org.darkflight.io.kml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** KML parsing and OGC KML 2.2 XSD validation from the ogc-schemas jar (no network). */
final class KmlTestSupport {

  static final String KML_NS = "http://www.opengis.net/kml/2.2";
  /** ogckml22.xsd imports xAL from this URL; the jar carries a copy. */
  private static final String XAL_URL = "http://docs.oasis-open.org/election/external/xAL.xsd";
  private static final String XAL_RESOURCE = "oasis/election/external/xAL.xsd";
  private static Schema schema;

  private KmlTestSupport() {}

  static synchronized Schema kmlSchema() throws SAXException {
    if (schema == null) {
      URL main = resource("ogc/kml/2.2.0/ogckml22.xsd");
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      // Only jar: URLs may be read: anything else (network) makes the test fail loudly.
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
      factory.setResourceResolver(new ClasspathResolver());
      schema = factory.newSchema(new StreamSource(main.toExternalForm()));
    }
    return schema;
  }

  /** Validation problems (errors and warnings) of {@code kml}; empty when valid. */
  static List<String> validate(byte[] kml) throws SAXException, IOException {
    Validator v = kmlSchema().newValidator();
    List<String> problems = new ArrayList<>();
    v.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        problems.add("warning line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void error(SAXParseException e) {
        problems.add("error line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        problems.add("fatal line " + e.getLineNumber() + ": " + e.getMessage());
      }
    });
    v.validate(new StreamSource(new ByteArrayInputStream(kml)));
    return problems;
  }

  static Document parse(byte[] kml) throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(kml));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(e);
    }
  }

  static List<Element> elements(Node root, String localName) {
    NodeList nodes = root instanceof Document d ? d.getElementsByTagNameNS(KML_NS, localName)
        : ((Element) root).getElementsByTagNameNS(KML_NS, localName);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** Direct children of {@code parent} with the given local name. */
  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  static String childText(Element parent, String localName) {
    List<Element> c = children(parent, localName);
    return c.isEmpty() ? null : c.get(0).getTextContent();
  }

  /** The top-level Folder of the Document with this name. */
  static Element folder(Document doc, String name) {
    Element document = elements(doc, "Document").get(0);
    for (Element f : children(document, "Folder")) {
      if (name.equals(childText(f, "name"))) {
        return f;
      }
    }
    throw new AssertionError("no folder named " + name);
  }

  /** ExtendedData value of {@code name} in a placemark (untyped Data or typed SimpleData). */
  static String data(Element placemark, String name) {
    for (Element d : elements(placemark, "Data")) {
      if (name.equals(d.getAttribute("name"))) {
        return childText(d, "value");
      }
    }
    for (Element d : elements(placemark, "SimpleData")) {
      if (name.equals(d.getAttribute("name"))) {
        return d.getTextContent();
      }
    }
    return null;
  }

  private static URL resource(String path) {
    URL url = KmlTestSupport.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalStateException("not on the test classpath: " + path);
    }
    return url;
  }

  private static final class ClasspathResolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String namespaceUri, String publicId,
        String systemId, String baseUri) {
      if (XAL_URL.equals(systemId)) {
        return new UrlInput(resource(XAL_RESOURCE), publicId);
      }
      if (systemId != null && (systemId.startsWith("http:") || systemId.startsWith("https:"))) {
        throw new IllegalStateException("schema import would need the network: " + systemId);
      }
      return null; // relative imports resolve inside the jar
    }
  }

  private static final class UrlInput implements LSInput {
    private final URL url;
    private final String publicId;

    UrlInput(URL url, String publicId) {
      this.url = url;
      this.publicId = publicId;
    }

    @Override
    public Reader getCharacterStream() {
      return null;
    }

    @Override
    public void setCharacterStream(Reader r) {}

    @Override
    public InputStream getByteStream() {
      try {
        return url.openStream();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void setByteStream(InputStream in) {}

    @Override
    public String getStringData() {
      return null;
    }

    @Override
    public void setStringData(String s) {}

    @Override
    public String getSystemId() {
      return url.toExternalForm();
    }

    @Override
    public void setSystemId(String s) {}

    @Override
    public String getPublicId() {
      return publicId;
    }

    @Override
    public void setPublicId(String s) {}

    @Override
    public String getBaseURI() {
      return null;
    }

    @Override
    public void setBaseURI(String s) {}

    @Override
    public String getEncoding() {
      return null;
    }

    @Override
    public void setEncoding(String s) {}

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    @Override
    public void setCertifiedText(boolean b) {}
  }
}
