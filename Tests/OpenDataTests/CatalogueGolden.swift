/// The reviewed CPSV-AP 3.2.0 export of Sant Feliu de Llobregat in the fixture network
/// (Tests/Fixtures/network), with the base address https://oae.example.org/. It conforms to
/// the official SHACL shapes (`pyshacl -s cpsv-ap-SHACL.ttl -df json-ld`).
enum CatalogueGolden {
    static let santFeliu = #"""
    {
      "@context": {
        "cpsv": "http://purl.org/vocab/cpsv#",
        "cv": "http://data.europa.eu/m8g/",
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "eli": "http://data.europa.eu/eli/ontology#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "locn": "http://www.w3.org/ns/locn#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "time": "http://www.w3.org/2006/time#",
        "xsd": "http://www.w3.org/2001/XMLSchema#"
      },
      "@graph": [
        {
          "@id": "https://oae.example.org/data/catalogue-sant-feliu-de-llobregat.jsonld",
          "@type": "dcat:Dataset",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Catàleg de serveis de l'oficina de Sant Feliu de Llobregat"
            },
            {
              "@language": "es",
              "@value": "Catálogo de servicios de la oficina de Sant Feliu de Llobregat"
            }
          ],
          "dct:description": [
            {
              "@language": "ca",
              "@value": "Catàleg de serveis de l'oficina de Sant Feliu de Llobregat"
            },
            {
              "@language": "es",
              "@value": "Catálogo de servicios de la oficina de Sant Feliu de Llobregat"
            }
          ],
          "dct:publisher": {
            "@id": "https://oae.example.org/id/agency"
          },
          "dct:hasPart": [
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer"
            },
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation"
            },
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support"
            }
          ],
          "dcat:landingPage": {
            "@id": "https://oae.example.org/ca/offices/sant-feliu-de-llobregat.html"
          }
        },
        {
          "@id": "https://oae.example.org/ca/offices/sant-feliu-de-llobregat.html",
          "@type": "foaf:Document"
        },
        {
          "@id": "https://oae.example.org/id/agency",
          "@type": "foaf:Agent",
          "dct:identifier": "agency",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Agència metropolitana"
            },
            {
              "@language": "es",
              "@value": "Agencia metropolitana"
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/location",
          "@type": "dct:Location",
          "dct:identifier": "08211",
          "locn:geographicName": "Sant Feliu de Llobregat"
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/contact-point",
          "@type": "cv:ContactPoint"
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer/competent-authority",
          "@type": "cv:PublicOrganisation",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Ajuntament"
            },
            {
              "@language": "es",
              "@value": "Ayuntamiento"
            }
          ],
          "dct:spatial": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/location"
          }
        },
        {
          "@id": "https://oae.example.org/id/concept/channel/in-person",
          "@type": "skos:Concept",
          "skos:notation": "in-person",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Presencial"
            },
            {
              "@language": "es",
              "@value": "Presencial"
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer/channel/in-person",
          "@type": "cv:Channel",
          "dct:identifier": "sant-feliu-de-llobregat/business-transfer/channel/in-person",
          "dct:type": {
            "@id": "https://oae.example.org/id/concept/channel/in-person"
          }
        },
        {
          "@id": "https://oae.example.org/id/concept/area/creation",
          "@type": "skos:Concept",
          "skos:notation": "creation",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Creació d'empreses"
            },
            {
              "@language": "es",
              "@value": "Creación de empresas"
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/concept/adoption/adopted",
          "@type": "skos:Concept",
          "skos:notation": "adopted",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Adoptat"
            },
            {
              "@language": "es",
              "@value": "Adoptado"
            }
          ]
        },
        {
          "@id": "http://publications.europa.eu/resource/authority/currency/EUR",
          "@type": "skos:Concept",
          "skos:notation": "EUR"
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer/cost",
          "@type": "cv:Cost",
          "dct:identifier": "sant-feliu-de-llobregat/business-transfer/cost",
          "cv:hasValue": {
            "@value": "0",
            "@type": "xsd:double"
          },
          "cv:currency": {
            "@id": "http://publications.europa.eu/resource/authority/currency/EUR"
          },
          "dct:description": [
            {
              "@language": "ca",
              "@value": "Gratuït"
            },
            {
              "@language": "es",
              "@value": "Gratuito"
            }
          ]
        },
        {
          "@id": "http://publications.europa.eu/resource/authority/language/CAT",
          "@type": "dct:LinguisticSystem"
        },
        {
          "@id": "http://publications.europa.eu/resource/authority/language/SPA",
          "@type": "dct:LinguisticSystem"
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer/output/1",
          "@type": "cv:Output",
          "dct:identifier": "sant-feliu-de-llobregat/business-transfer/output/1",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Pla de traspàs."
            },
            {
              "@language": "es",
              "@value": "Plan de traspaso."
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer",
          "@type": "cpsv:PublicService",
          "dct:identifier": "sant-feliu-de-llobregat/business-transfer",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Traspàs d'empreses"
            },
            {
              "@language": "es",
              "@value": "Traspaso de empresas"
            }
          ],
          "dct:description": [
            {
              "@language": "ca",
              "@value": "Suport al traspàs d'empreses viables."
            },
            {
              "@language": "es",
              "@value": "Apoyo al traspaso de empresas viables."
            }
          ],
          "cv:hasCompetentAuthority": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer/competent-authority"
          },
          "cv:thematicArea": {
            "@id": "https://oae.example.org/id/concept/area/creation"
          },
          "cv:isClassifiedBy": {
            "@id": "https://oae.example.org/id/concept/adoption/adopted"
          },
          "cv:hasChannel": [
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer/channel/in-person"
            }
          ],
          "cv:processingTime": {
            "@value": "PT1H",
            "@type": "xsd:duration"
          },
          "cv:hasCost": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer/cost"
          },
          "cpsv:produces": [
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/business-transfer/output/1"
            }
          ],
          "cv:contactPoint": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/contact-point"
          },
          "dct:spatial": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/location"
          },
          "dct:language": [
            {
              "@id": "http://publications.europa.eu/resource/authority/language/CAT"
            },
            {
              "@id": "http://publications.europa.eu/resource/authority/language/SPA"
            }
          ],
          "dct:isPartOf": {
            "@id": "https://oae.example.org/data/catalogue-sant-feliu-de-llobregat.jsonld"
          }
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/competent-authority",
          "@type": "cv:PublicOrganisation",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Registre Mercantil"
            },
            {
              "@language": "es",
              "@value": "Registro Mercantil"
            }
          ],
          "dct:spatial": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/location"
          }
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/channel/in-person",
          "@type": "cv:Channel",
          "dct:identifier": "sant-feliu-de-llobregat/company-creation/channel/in-person",
          "dct:type": {
            "@id": "https://oae.example.org/id/concept/channel/in-person"
          }
        },
        {
          "@id": "https://oae.example.org/id/concept/channel/phone",
          "@type": "skos:Concept",
          "skos:notation": "phone",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Telèfon"
            },
            {
              "@language": "es",
              "@value": "Teléfono"
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/channel/phone",
          "@type": "cv:Channel",
          "dct:identifier": "sant-feliu-de-llobregat/company-creation/channel/phone",
          "dct:type": {
            "@id": "https://oae.example.org/id/concept/channel/phone"
          }
        },
        {
          "@id": "https://oae.example.org/id/concept/adoption/core",
          "@type": "skos:Concept",
          "skos:notation": "core",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Bàsic"
            },
            {
              "@language": "es",
              "@value": "Básico"
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/cost",
          "@type": "cv:Cost",
          "dct:identifier": "sant-feliu-de-llobregat/company-creation/cost",
          "cv:hasValue": {
            "@value": "0",
            "@type": "xsd:double"
          },
          "cv:currency": {
            "@id": "http://publications.europa.eu/resource/authority/currency/EUR"
          },
          "dct:description": [
            {
              "@language": "ca",
              "@value": "Gratuït"
            },
            {
              "@language": "es",
              "@value": "Gratuito"
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/procedure/welcome-and-triage",
          "@type": "cpsv:Rule",
          "dct:identifier": "sant-feliu-de-llobregat/welcome-and-triage",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Acollida i triatge (Sant Feliu)"
            },
            {
              "@language": "es",
              "@value": "Acogida y triaje (Sant Feliu)"
            }
          ],
          "dct:description": [
            {
              "@language": "ca",
              "@value": "Rebre i orientar cada persona més de pressa."
            },
            {
              "@language": "es",
              "@value": "Recibir y orientar a cada persona más deprisa."
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/output/1",
          "@type": "cv:Output",
          "dct:identifier": "sant-feliu-de-llobregat/company-creation/output/1",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Empresa constituïda."
            },
            {
              "@language": "es",
              "@value": "Empresa constituida."
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation",
          "@type": "cpsv:PublicService",
          "dct:identifier": "sant-feliu-de-llobregat/company-creation",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Creació d'empreses"
            },
            {
              "@language": "es",
              "@value": "Creación de empresas"
            }
          ],
          "dct:description": [
            {
              "@language": "ca",
              "@value": "Acompanyament per crear una empresa."
            },
            {
              "@language": "es",
              "@value": "Acompañamiento para crear una empresa."
            }
          ],
          "cv:hasCompetentAuthority": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/competent-authority"
          },
          "cv:thematicArea": {
            "@id": "https://oae.example.org/id/concept/area/creation"
          },
          "cv:isClassifiedBy": {
            "@id": "https://oae.example.org/id/concept/adoption/core"
          },
          "cv:hasChannel": [
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/channel/in-person"
            },
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/channel/phone"
            }
          ],
          "cv:processingTime": {
            "@value": "PT1H",
            "@type": "xsd:duration"
          },
          "cv:hasCost": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/cost"
          },
          "cpsv:produces": [
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/company-creation/output/1"
            }
          ],
          "cpsv:follows": [
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/procedure/welcome-and-triage"
            }
          ],
          "cv:contactPoint": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/contact-point"
          },
          "dct:spatial": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/location"
          },
          "dct:language": [
            {
              "@id": "http://publications.europa.eu/resource/authority/language/CAT"
            },
            {
              "@id": "http://publications.europa.eu/resource/authority/language/SPA"
            }
          ],
          "dct:isPartOf": {
            "@id": "https://oae.example.org/data/catalogue-sant-feliu-de-llobregat.jsonld"
          }
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support/competent-authority",
          "@type": "cv:PublicOrganisation",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Ajuntament de Sant Feliu de Llobregat"
            },
            {
              "@language": "es",
              "@value": "Ayuntamiento de Sant Feliu de Llobregat"
            }
          ],
          "dct:spatial": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/location"
          }
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support/channel/in-person",
          "@type": "cv:Channel",
          "dct:identifier": "sant-feliu-de-llobregat/local-retail-support/channel/in-person",
          "dct:type": {
            "@id": "https://oae.example.org/id/concept/channel/in-person"
          }
        },
        {
          "@id": "https://oae.example.org/id/concept/adoption/local",
          "@type": "skos:Concept",
          "skos:notation": "local",
          "skos:prefLabel": [
            {
              "@language": "ca",
              "@value": "Local"
            },
            {
              "@language": "es",
              "@value": "Local"
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support/cost",
          "@type": "cv:Cost",
          "dct:identifier": "sant-feliu-de-llobregat/local-retail-support/cost",
          "cv:hasValue": {
            "@value": "0",
            "@type": "xsd:double"
          },
          "cv:currency": {
            "@id": "http://publications.europa.eu/resource/authority/currency/EUR"
          },
          "dct:description": [
            {
              "@language": "ca",
              "@value": "Gratuït"
            },
            {
              "@language": "es",
              "@value": "Gratuito"
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support/output/1",
          "@type": "cv:Output",
          "dct:identifier": "sant-feliu-de-llobregat/local-retail-support/output/1",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Pla de millora."
            },
            {
              "@language": "es",
              "@value": "Plan de mejora."
            }
          ]
        },
        {
          "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support",
          "@type": "cpsv:PublicService",
          "dct:identifier": "sant-feliu-de-llobregat/local-retail-support",
          "dct:title": [
            {
              "@language": "ca",
              "@value": "Suport al comerç local"
            },
            {
              "@language": "es",
              "@value": "Apoyo al comercio local"
            }
          ],
          "dct:description": [
            {
              "@language": "ca",
              "@value": "Diagnosi i pla de millora per al comerç."
            },
            {
              "@language": "es",
              "@value": "Diagnóstico y plan de mejora para el comercio."
            }
          ],
          "cv:hasCompetentAuthority": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support/competent-authority"
          },
          "cv:thematicArea": {
            "@id": "https://oae.example.org/id/concept/area/creation"
          },
          "cv:isClassifiedBy": {
            "@id": "https://oae.example.org/id/concept/adoption/local"
          },
          "cv:hasChannel": [
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support/channel/in-person"
            }
          ],
          "cv:processingTime": {
            "@value": "PT1H",
            "@type": "xsd:duration"
          },
          "cv:hasCost": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support/cost"
          },
          "cpsv:produces": [
            {
              "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/service/local-retail-support/output/1"
            }
          ],
          "cv:contactPoint": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/contact-point"
          },
          "dct:spatial": {
            "@id": "https://oae.example.org/id/sant-feliu-de-llobregat/location"
          },
          "dct:language": [
            {
              "@id": "http://publications.europa.eu/resource/authority/language/CAT"
            },
            {
              "@id": "http://publications.europa.eu/resource/authority/language/SPA"
            }
          ],
          "dct:isPartOf": {
            "@id": "https://oae.example.org/data/catalogue-sant-feliu-de-llobregat.jsonld"
          }
        }
      ]
    }
    """#
}
