// Swedish texts of features/account: part of the catalogue assembled in i18n/sv.ts.
export const accountSv = {
  "auth.logout": "Logga ut",
  "auth.checking": "Kontrollerar inloggningen …",

  "login.title": "Logga in",
  "login.intro": "Logga in med ditt användarnamn och lösenord.",
  "login.username": "Användarnamn",
  "login.password": "Lösenord",
  "login.submit": "Logga in",
  "login.loggedOut": "Du är utloggad.",
  "login.loggedOutProviderOpen":
    "Du är utloggad från Frid. Din inloggning hos identitetsleverantören kan fortfarande vara öppen – stäng webbläsaren om någon annan kan använda datorn.",
  "login.providers": "Eller logga in med din organisations inloggning:",
  "login.withProvider": "Logga in med {name}",
  "login.expired": "Du har blivit utloggad. Logga in igen för att fortsätta.",

  "session.warningIdle":
    "Du har inte arbetat i Frid på en stund och loggas ut kl. {time}. Det du har skrivit finns kvar.",
  "session.warningAbsolute":
    "Du har varit inloggad så länge en inloggning får vara och loggas ut kl. {time}. Spara det du skriver; sedan loggar du in igen och fortsätter.",
  "session.continue": "Fortsätt arbeta",
  "relogin.title": "Logga in igen",
  "relogin.intro":
    "Du har blivit utloggad. Det du har skrivit finns kvar: logga in igen så fortsätter du där du var, och det du höll på att spara sparas då.",
  "relogin.logout": "Logga ut",
  "relogin.logoutHint": "Om du loggar ut i stället försvinner det du inte har sparat.",

  "mfa.title": "Ange engångskod",
  "mfa.intro":
    "Öppna autentiseringsappen i din telefon och ange den sexsiffriga koden som visas för Frid.",
  "mfa.code": "Engångskod",
  "mfa.codeHint": "Sex siffror, till exempel 123456.",
  "mfa.submit": "Fortsätt",
  "mfa.cancel": "Avbryt",

  "newPassword.title": "Välj ett eget lösenord",
  "newPassword.intro":
    "Du loggade in med ett engångslösenord. Välj ett eget lösenord innan du fortsätter.",
  "newPassword.current": "Engångslösenord",
  "newPassword.submit": "Spara och fortsätt",
  "mfaEnrol.title": "Ställ in tvåstegsverifiering",
  "mfaEnrol.intro":
    "Frid kräver en engångskod från en autentiseringsapp när du loggar in. Gör så här en gång:",
  "mfaEnrol.step1": "Öppna autentiseringsappen i din telefon och lägg till ett nytt konto.",
  "mfaEnrol.step2": "Skanna QR-koden, eller skriv in nyckeln för hand.",
  "mfaEnrol.step3": "Ange den sexsiffriga kod som appen då visar.",
  "mfaEnrol.qrAlt": "QR-kod för att lägga till Frid i autentiseringsappen",
  "mfaEnrol.secret": "Nyckel att skriva in för hand",
  "mfaEnrol.submit": "Aktivera och logga in",

  "account.title": "Mitt konto",
  "account.linkHint": "mitt konto",
  "account.detailsTitle": "Uppgifter",
  "account.organisation": "Organisation",
  "account.mfaTitle": "Tvåstegsverifiering",
  "account.mfaEnrolled":
    "Tvåstegsverifiering är inställd. Har du bytt telefon? Be systemförvaltaren att återställa den.",
  "account.mfaNotEnrolled":
    "Tvåstegsverifiering är inte inställd. Med den behövs både lösenordet och en kod från din telefon för att logga in.",
  "account.mfaStart": "Ställ in tvåstegsverifiering",
  "account.mfaSubmit": "Aktivera",
  "account.mfaDone": "Tvåstegsverifiering är inställd.",
  "account.passwordTitle": "Byt lösenord",
  "account.currentPassword": "Nuvarande lösenord",
  "account.newPassword": "Nytt lösenord",
  "account.newPasswordHint":
    "Minst 12 tecken. En mening med några ord är lätt att minnas och svår att gissa.",
  "account.repeatPassword": "Upprepa det nya lösenordet",
  "account.passwordMismatch": "Lösenorden är inte likadana.",
  "account.passwordSubmit": "Byt lösenord",
  "account.passwordChanged": "Lösenordet är bytt. Dina andra inloggningar har avslutats.",
  "mfa.keyTitle": "Logga in med säkerhetsnyckel",
  "mfa.useKey": "Använd säkerhetsnyckel",
  "mfa.keyIntro":
    "Har du en säkerhetsnyckel eller nyckel i datorn eller telefonen (passkey)? Använd den i stället för koden.",
  "mfa.keyOnlyIntro":
    "Logga in med din säkerhetsnyckel: tryck på knappen och följ anvisningarna, till exempel rör vid nyckeln.",
  "mfa.keyFailed":
    "Säkerhetsnyckeln användes inte: det avbröts, tog för lång tid eller så hittades ingen av dina nycklar. Försök igen.",
  "keys.title": "Säkerhetsnycklar",
  "keys.intro":
    "En säkerhetsnyckel (till exempel en USB-nyckel) eller en nyckel i datorn eller telefonen (passkey) kan användas i stället för engångskoden när du loggar in.",
  "keys.twoKeys": "Lägg till minst två nycklar, så att du kan logga in om en kommer bort.",
  "keys.none": "Du har inga säkerhetsnycklar.",
  "keys.listLabel": "Mina säkerhetsnycklar",
  "keys.createdAt": "Tillagd {when}",
  "keys.lastUsedAt": "senast använd {when}",
  "keys.neverUsed": "inte använd ännu",
  "keys.rename": "Byt namn på {name}",
  "keys.newName": "Nytt namn på {name}",
  "keys.saveName": "Spara namnet",
  "keys.renamed": "Nyckeln heter nu {name}.",
  "keys.remove": "Ta bort {name}",
  "keys.removed": "{name} är borttagen.",
  "keys.addTitle": "Lägg till en nyckel",
  "keys.name": "Nyckelns namn",
  "keys.nameHint": "Så att du känner igen den, till exempel ”Gul nyckel” eller ”Jobbdatorn”.",
  "keys.nameMissing": "Ge nyckeln ett namn.",
  "keys.password": "Ditt lösenord",
  "keys.passwordHint": "Av säkerhetsskäl anger du lösenordet igen innan en nyckel läggs till.",
  "keys.add": "Lägg till nyckel",
  "keys.added": "Nyckeln {name} är tillagd.",
  "keys.browserFailed":
    "Nyckeln lades inte till: det avbröts, tog för lång tid eller så stöder webbläsaren inte säkerhetsnycklar. Försök igen.",
} as const;
