/** The e-commerce template in Italian: every text of ecommerce.ts by record id (see localize.ts). */
import type { TemplateTexts } from './localize';

export const ECOMMERCE_IT: TemplateTexts = {
  nodes: {
    'stage-discovery': 'Scoperta',
    'stage-research': 'Ricerca',
    'stage-purchase': 'Acquisto',
    'stage-delivery': 'Consegna',
    'stage-use': 'Utilizzo',
    'stage-returns': 'Resi e assistenza',
    'stage-loyalty': 'Fedeltà',
    'ch-web': 'Negozio online',
    'ch-app': 'App di shopping',
    'ch-email': 'E-mail',
    'ch-chat': 'Chat web',
    'ch-social': 'Social network',
    'ch-messaging': 'WhatsApp',
    'ch-phone': 'Servizio clienti telefonico',
    'ch-store': 'Negozi',
    'dev-smartphone': 'Smartphone',
    'dev-pc': 'PC',
    'dev-tablet': 'Tablet',
    'dev-kiosk': 'Totem in negozio',
  },
  owners: {
    Marketing: 'Marketing',
    CRM: 'CRM',
    'E-commerce': 'E-commerce',
    'Customer service': 'Servizio clienti',
    Retail: 'Negozi',
    'Digital product': 'Prodotto digitale',
    Logistics: 'Logistica',
    'Contact centre': 'Contact center',
  },
  touchpoints: {
    'tp-discovery-social': {
      action: 'Vede una creator recensire il prodotto',
      pains: ["L'annuncio apre la home page, non il prodotto"],
      opportunities: ['Link diretti alla pagina del prodotto'],
    },
    'tp-discovery-email': {
      action: 'Apre una e-mail promozionale',
      pains: ['Quattro e-mail a settimana sembrano spam'],
      opportunities: ['Lasciar scegliere ai clienti quanto spesso ricevere notizie'],
    },
    'tp-research-web': {
      action: 'Confronta prodotti, recensioni e taglie',
      pains: ['La guida alle taglie cambia da marca a marca'],
      opportunities: ['Consigli sulla taglia in base agli ordini passati'],
    },
    'tp-research-chat': {
      action: 'Chiede se il prodotto è disponibile nella sua taglia',
      pains: ["La chat risponde solo in orario d'ufficio"],
      opportunities: ["Risposte sulla disponibilità dall'assistente a ogni ora"],
    },
    'tp-research-store': {
      action: 'Prova il prodotto in negozio',
      pains: ['La disponibilità nei negozi non si vede online'],
      opportunities: ['Mostrare la disponibilità nei negozi sulla pagina del prodotto'],
    },
    'tp-purchase-web': {
      action: 'Paga alla cassa',
      pains: ['Per pagare serve un account', 'Le spese di consegna compaiono solo alla fine'],
      opportunities: ['Acquisto senza account', 'Spese di consegna sulla pagina del prodotto'],
    },
    'tp-purchase-app': {
      action: 'Compra con un tocco',
      pains: ["L'app si blocca sui telefoni meno recenti"],
      opportunities: ["Un'app più leggera per i telefoni meno recenti"],
    },
    'tp-delivery-email': {
      action: 'Riceve il link per seguire la spedizione',
      pains: ['Per giorni il tracking dice "etichetta creata"'],
      opportunities: ['Gli eventi del corriere in tempo reale'],
    },
    'tp-delivery-messaging': {
      action: "Chiede dov'è il pacco",
      pains: ['Gli operatori non vedono i dati del corriere'],
      opportunities: ['Dare agli operatori la cronologia del corriere'],
    },
    'tp-delivery-phone': {
      action: 'Telefona perché il pacco è in ritardo',
      pains: ['Venti minuti in attesa', 'Trasferito al corriere'],
      opportunities: ['Avvisare dei ritardi con un messaggio prima che il cliente chieda'],
    },
    'tp-use-app': {
      action: 'Legge le istruzioni di lavaggio e i consigli di stile',
      opportunities: ['Brevi guide video'],
    },
    'tp-use-social': {
      action: 'Pubblica una foto con il prodotto addosso',
      opportunities: ['Ricondividere le foto dei clienti con il loro permesso'],
    },
    'tp-returns-web': {
      action: 'Avvia un reso online',
      pains: ["L'etichetta del reso va stampata"],
      opportunities: ['Resi con codice QR nei punti di ritiro'],
    },
    'tp-returns-store': {
      action: "Restituisce l'articolo in negozio",
      pains: ['Il rimborso richiede due settimane'],
      opportunities: ['Rimborso immediato in negozio'],
    },
    'tp-returns-phone': {
      action: 'Telefona perché il rimborso non è arrivato',
      pains: ['Lo stato del rimborso non si vede da nessuna parte'],
      opportunities: ["Lo stato del rimborso nell'area clienti"],
    },
    'tp-loyalty-email': {
      action: "Riceve punti fedeltà e un'offerta personale",
      pains: ['I punti scadono senza preavviso'],
      opportunities: ['Avvisare prima che i punti scadano'],
    },
    'tp-loyalty-app': { action: "Mostra la carta fedeltà nell'app alla cassa" },
    'tp-web-pc': { action: 'Fa acquisti dal computer' },
    'tp-web-smartphone': { action: 'Fa acquisti dal sito mobile' },
    'tp-web-tablet': { action: 'Sfoglia il catalogo sul tablet' },
    'tp-app-smartphone': { action: "Usa l'app di shopping" },
    'tp-email-smartphone': { action: 'Legge le e-mail sul telefono' },
    'tp-email-pc': { action: 'Legge le e-mail al lavoro' },
    'tp-social-smartphone': { action: 'Usa le app dei social' },
    'tp-messaging-smartphone': { action: 'Scrive su WhatsApp' },
    'tp-chat-pc': { action: 'Chatta dalla pagina del prodotto' },
    'tp-phone-smartphone': { action: 'Chiama dal cellulare' },
    'tp-store-kiosk': { action: 'Controlla la disponibilità al totem in negozio' },
  },
  strategy: {
    self: 'Il nostro negozio',
    goals: {
      'goal-cost-per-contact': {
        title: 'Ridurre il costo medio per interazione',
        target: '-15%',
        benefit: "Un'interazione sul web costa circa 1/12 di una telefonata",
      },
      'goal-churn': {
        title: "Aumentare la soddisfazione dei clienti e ridurre l'abbandono",
        target: 'NPS +10',
        benefit: 'I clienti rimborsati in fretta tornano a comprare',
      },
    },
    kpis: {
      'kpi-handling-time': { name: 'Tempo medio di gestione' },
      'kpi-transfer-rate': { name: 'Tasso di trasferimento ad altri reparti' },
      'kpi-conversion': { name: 'Conversione' },
    },
    training: {
      'train-tracking-tools': {
        topic: 'Strumenti di tracciamento degli ordini e dei rimborsi nella console dei messaggi',
        audience: 'Operatori del servizio clienti',
      },
    },
    channelPlans: { 'ch-messaging': 'I clienti ci scrivono già su WhatsApp' },
  },
};
