/** The airline template in Italian: every text of airline.ts by record id (see localize.ts). */
import type { TemplateTexts } from './localize';

export const AIRLINE_IT: TemplateTexts = {
  personas: {
    'persona-business': {
      name: 'Marco Ferri',
      role: "Viaggiatore d'affari",
      quote: 'Voglio solo imbarcarmi senza fare la fila.',
      goals: ['Viaggiare puntuale e senza sorprese', 'Cambiare i piani dal telefono'],
      needs: ["Check-in e carta d'imbarco sul telefono", 'Risposte rapide quando un volo cambia'],
      frustrations: ['Le code al banco', "Le app che chiedono sempre di rifare l'accesso"],
    },
    'persona-family': {
      name: 'La famiglia Bianchi',
      role: 'Famiglia in vacanza',
      quote: 'Con due bambini ogni passaggio richiede il doppio del tempo.',
      goals: ["Sedere vicini sull'aereo", 'Iniziare la vacanza rilassati'],
      needs: ['Regole chiare sul bagaglio', 'Assistenza in aeroporto'],
      frustrations: ['Posti separati al check-in', 'Costi nascosti per i bagagli'],
    },
  },
  nodes: {
    'stage-inspiration': 'Ispirazione',
    'stage-search': 'Ricerca',
    'stage-booking': 'Prenotazione',
    'stage-checkin': 'Check-in',
    'stage-airport': 'Aeroporto',
    'stage-flight': 'Volo',
    'stage-after': 'Dopo il volo',
    'ch-web': 'Sito web',
    'ch-app': 'App mobile',
    'ch-phone': 'Call center',
    'ch-email': 'E-mail',
    'ch-chat': 'Chat web',
    'ch-social': 'Social network',
    'ch-desk': 'Banco in aeroporto',
    'dev-smartphone': 'Smartphone',
    'dev-tablet': 'Tablet',
    'dev-pc': 'PC',
    'note-expectations': {
      label: 'Il 42% dei clienti si aspetta una risposta sui social entro 1 ora',
      description:
        "Convince & Convert. Un'interazione sui social costa circa 1/6 di una telefonata (B2Bnewsnetwork).",
    },
  },
  owners: {
    Marketing: 'Marketing',
    'E-commerce': 'E-commerce',
    CRM: 'CRM',
    'Digital product': 'Prodotto digitale',
    'Contact centre': 'Contact center',
    'Customer service': 'Servizio clienti',
    'Airport operations': 'Operazioni aeroportuali',
  },
  touchpoints: {
    'tp-inspiration-social': {
      action: 'Vede le foto delle vacanze degli amici e una tariffa in promozione',
      pains: ['Quando ci clicca, la tariffa in promozione è esaurita'],
      opportunities: ['Mostrare le tariffe aggiornate negli annunci sui social'],
    },
    'tp-inspiration-web': {
      action: 'Sfoglia guide alle destinazioni e offerte',
      pains: ['Le pagine delle destinazioni non mostrano i prezzi'],
      opportunities: ['Un calendario delle tariffe in ogni pagina di destinazione'],
    },
    'tp-inspiration-email': {
      action: 'Apre la newsletter con le offerte di stagione',
      pains: ["Le offerte ignorano l'aeroporto di partenza"],
      opportunities: ['Offerte personalizzate per aeroporto di partenza e viaggi passati'],
    },
    'tp-search-web': {
      action: 'Confronta date e tariffe',
      pains: ['Il calendario delle tariffe è lento', 'Il costo dei bagagli compare solo alla fine'],
      opportunities: ['Mostrare il prezzo totale con i bagagli fin dalla prima pagina'],
    },
    'tp-search-app': {
      action: 'Cerca voli mentre è in giro',
      pains: ['I filtri si azzerano a ogni ricerca'],
      opportunities: ['Ricordare le ultime ricerche'],
    },
    'tp-booking-web': {
      action: 'Prenota e paga il volo',
      pains: [
        'Il pagamento con carta scade durante il 3-D Secure',
        'La scelta del posto costa un supplemento senza preavviso',
      ],
      opportunities: [
        'Salvare le carte in modo sicuro',
        'Dire chiaramente cosa include ogni tariffa',
      ],
    },
    'tp-booking-app': {
      action: 'Prenota con un profilo salvato',
      pains: ['Non si può prenotare per più di quattro persone'],
      opportunities: ["Prenotazioni di gruppo nell'app"],
    },
    'tp-booking-phone': {
      action: 'Telefona per prenotare un viaggio con più tappe',
      pains: ['Attende più di 15 minuti', 'Paga un supplemento per la prenotazione telefonica'],
      opportunities: [
        'Prenotazione online di viaggi con più tappe',
        'Offrire di richiamare invece della coda',
      ],
    },
    'tp-booking-chat': {
      action: 'Chiede della franchigia bagaglio prima di pagare',
      pains: ['Il chatbot non capisce i nomi delle tariffe'],
      opportunities: ['Passare a un operatore che vede la prenotazione'],
    },
    'tp-checkin-app': {
      action: "Fa il check-in e riceve la carta d'imbarco",
      pains: ['Il check-in apre solo 24 ore prima', 'La scansione del passaporto non riesce'],
      opportunities: [
        'Check-in automatico',
        'Inserire il passaporto a mano quando la scansione non riesce',
      ],
    },
    'tp-checkin-email': {
      action: 'Riceve il promemoria del check-in',
      pains: ["Il promemoria arriva ore dopo l'apertura del check-in"],
      opportunities: ["Inviare il promemoria all'apertura del check-in"],
    },
    'tp-checkin-web': {
      action: 'Prova a fare il check-in sul sito',
      pains: [
        'Il check-in non funziona per i voli in coincidenza',
        "Il PDF della carta d'imbarco è difficile da leggere sul telefono",
      ],
      opportunities: [
        'Correggere il check-in per le coincidenze',
        "Carte d'imbarco nel wallet del telefono",
      ],
    },
    'tp-airport-desk': {
      action: 'Consegna il bagaglio e chiede del ritardo',
      pains: [
        'Lunghe code alla consegna bagagli',
        'Il personale al banco non ha notizie sul ritardo',
      ],
      opportunities: [
        'Consegna bagagli self-service',
        'Inviare gli aggiornamenti sui ritardi al personale al banco',
      ],
    },
    'tp-airport-app': {
      action: 'Segue le notifiche su gate e ritardi',
      pains: ['I cambi di gate arrivano tardi'],
      opportunities: ['Notifiche del gate in tempo reale'],
    },
    'tp-airport-social': {
      action: 'Si lamenta pubblicamente del ritardo',
      pains: ['Nessuna risposta per ore'],
      opportunities: ["Un team di assistenza sui social che risponde entro un'ora"],
    },
    'tp-airport-phone': {
      action: 'Telefona per riprenotare un volo cancellato',
      pains: [
        "Aspetta un'ora in linea mentre il gate si svuota",
        "L'operatore non vede le alternative che propone l'app",
      ],
      opportunities: ['Riprenotare in chat con le alternative già sullo schermo'],
    },
    'tp-flight-app': {
      action: "Guarda l'intrattenimento e ordina da mangiare a bordo",
      pains: ['I pass Wi-Fi non si possono comprare offline'],
      opportunities: ["Preordinare i pasti nell'app"],
    },
    'tp-flight-social': {
      action: 'Pubblica una foto dal finestrino',
      opportunities: ["Condividere le foto migliori sulla pagina dell'azienda"],
    },
    'tp-after-email': {
      action: 'Riceve il questionario di soddisfazione',
      pains: ['Il questionario è troppo lungo'],
      opportunities: ["Una sola domanda nell'app"],
    },
    'tp-after-phone': {
      action: 'Telefona per il bagaglio smarrito',
      pains: ['Racconta tutto da capo a ogni operatore'],
      opportunities: ['Seguire online la pratica del bagaglio'],
    },
    'tp-after-chat': {
      action: 'Chiede un risarcimento per il ritardo',
      pains: ['Il modulo di reclamo chiede dati che la compagnia ha già'],
      opportunities: ['Richieste di risarcimento precompilate'],
    },
    'tp-after-social': {
      action: 'Condivide il viaggio e tagga la compagnia',
      opportunities: ['Ringraziare pubblicamente i clienti fedeli'],
    },
    'tp-web-pc': { action: 'Usa il sito dal computer' },
    'tp-web-smartphone': { action: 'Usa il sito mobile' },
    'tp-web-tablet': { action: 'Sfoglia le offerte dal divano' },
    'tp-app-smartphone': { action: "Usa l'app" },
    'tp-app-tablet': { action: "Usa l'app per tablet a bordo" },
    'tp-email-smartphone': { action: 'Legge le e-mail sul telefono' },
    'tp-email-pc': { action: 'Legge le e-mail al lavoro' },
    'tp-chat-pc': { action: 'Chatta dalla pagina di prenotazione' },
    'tp-chat-smartphone': { action: 'Chatta dal telefono' },
    'tp-social-smartphone': { action: 'Usa le app dei social' },
    'tp-phone-smartphone': { action: 'Chiama dal cellulare' },
  },
  strategy: {
    self: 'La nostra compagnia aerea',
    goals: {
      'goal-call-volume': {
        title: 'Ridurre le chiamate al call center',
        target: '-20%',
        benefit: 'Meno contatti telefonici, che costano 6 volte un contatto sui social',
      },
      'goal-answer-faster': {
        title: 'Rispondere più in fretta sui social network',
        target: '< 1 ora',
        benefit: 'I viaggiatori ben serviti sui social ci consigliano 3 volte di più',
      },
    },
    kpis: {
      'kpi-abandonment': { name: 'Tasso di abbandono' },
      'kpi-social-response': { name: 'Tempo di risposta sui social' },
      'kpi-first-contact': { name: 'Risoluzione al primo contatto' },
    },
    training: {
      'train-social-tone': {
        topic: 'Tono di voce per le risposte pubbliche sui social network',
        audience: 'Team di assistenza sui social',
      },
    },
    channelPlans: { 'ch-social': 'Un terzo dei clienti preferisce i social' },
  },
  lanes: { 'lane-thoughts': 'Pensieri del cliente' },
  laneItems: {
    'item-frontstage-inspiration-1': 'Il team social pubblica promozioni sulle tariffe',
    'item-frontstage-search-1': 'Il sito mostra le tariffe in un calendario',
    'item-frontstage-booking-1': 'Gli operatori del call center prenotano viaggi con più tappe',
    'item-frontstage-booking-2': 'Il chatbot risponde alle domande sui bagagli',
    'item-frontstage-checkin-1': "L'app emette la carta d'imbarco",
    'item-frontstage-airport-1': 'Il personale al banco accetta i bagagli e risponde sui ritardi',
    'item-frontstage-airport-2': 'Il social care risponde ai reclami',
    'item-frontstage-flight-1': "L'equipaggio serve i pasti e vende il Wi-Fi",
    'item-frontstage-after-1': 'Gli operatori ricevono le chiamate per i bagagli smarriti',
    'item-frontstage-after-2': 'Gli operatori in chat gestiscono le richieste di risarcimento',
    'item-backstage-inspiration-1':
      'Il marketing prepara campagne senza la disponibilità in tempo reale',
    'item-backstage-search-1': 'Il revenue management aggiorna le tariffe due volte al giorno',
    'item-backstage-booking-1':
      'Gli operatori rispondono alle chiamate senza lo storico delle prenotazioni',
    'item-backstage-booking-2':
      'Gli operatori reinseriscono a mano le prenotazioni web fallite al pagamento',
    'item-backstage-checkin-1': 'I dati del passaporto vengono confrontati con la lista passeggeri',
    'item-backstage-airport-1': 'Il controllo operativo decide sui ritardi senza avvisare i banchi',
    'item-backstage-flight-1': 'Il catering carica i pasti in base alle prenotazioni',
    'item-backstage-after-1':
      'I reclami si gestiscono in uno strumento separato, senza la prenotazione',
    'item-support-inspiration-1': 'Strumento di social listening',
    'item-support-inspiration-2': 'Gestore delle campagne',
    'item-support-search-1': 'Motore di prenotazione',
    'item-support-booking-1': 'Motore di prenotazione',
    'item-support-booking-2': 'CRM',
    'item-support-booking-3': 'Gateway di pagamento',
    'item-support-checkin-1': 'Sistema di controllo delle partenze',
    'item-support-airport-1': 'Feed dello stato dei voli',
    'item-support-airport-2': 'Strumento di social listening',
    'item-support-flight-1': 'Sistema di vendita a bordo',
    'item-support-after-1': 'CRM',
    'item-support-after-2': 'Sistema di rintraccio dei bagagli',
    'item-thoughts-inspiration-1': '“Lisbona in primavera, perché no?”',
    'item-thoughts-booking-1': '“Perché devo telefonare per prenotare due città?”',
    'item-thoughts-checkin-1': '“La scansione non va di nuovo, lo farò in aeroporto.”',
    'item-thoughts-airport-1': '“Qui nessuno sa niente del ritardo.”',
    'item-thoughts-after-1': '“Ho già raccontato questa storia tre volte.”',
  },
};
