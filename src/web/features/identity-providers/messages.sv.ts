// Swedish texts of features/identity-providers: part of the catalogue assembled in i18n/sv.ts.
export const identityProvidersSv = {
  "loginAdmin.title": "Inloggning",
  "loginAdmin.back": "Tillbaka till administrationen",
  "loginAdmin.adminLinkIntro":
    "Identitetsleverantörer (SITHS, Freja eID, BankID, Azure AD), om lösenord får användas och vilket konto som är nödkonto.",
  "loginAdmin.adminLink": "Inställningar för inloggning",
  "loginAdmin.intro":
    "Här bestämmer du hur personalen loggar in: genom organisationens identitetsleverantör och, om ni vill, med lösenord som Frid själv håller. Frid skapar aldrig ett konto vid en inloggning – varje konto behöver en identifierare som du ger det på användarens sida.",

  "loginAdmin.providersTitle": "Identitetsleverantörer",
  "loginAdmin.providersCaption": "Organisationens identitetsleverantörer",
  "loginAdmin.noProviders": "Organisationen har ingen identitetsleverantör ännu.",
  "loginAdmin.providerName": "Namn",
  "loginAdmin.providerIssuer": "Utfärdare",
  "loginAdmin.providerIdentifier": "Identifierare",
  "loginAdmin.providerAcr": "Krav på tillitsnivå",
  "loginAdmin.providerSecret": "Klienthemlighet",
  "loginAdmin.providerStatus": "Status",
  "loginAdmin.secretSet": "{name} finns i serverns miljö",
  "loginAdmin.secretMissing": "{name} saknas i serverns miljö",
  "loginAdmin.samlWantEncrypted": "Kräv krypterade intyg",
  "loginAdmin.samlWantEncryptedHelp":
    "Identitetsleverantören krypterar intyget till Frids certifikat (i Frids SAML-metadata), så som Sweden Connect kräver. Ett okrypterat intyg avvisas då, även om det är signerat.",
  "loginAdmin.samlEncrypted": "Kräver krypterade intyg",
  "loginAdmin.samlNotEncrypted": "Intygen behöver inte vara krypterade",
  "loginAdmin.samlSingleLogoutAt": "Utloggning hos leverantören:",
  "loginAdmin.samlNoSingleLogout": "Ingen utloggning hos leverantören (single logout)",
  "loginAdmin.samlSingleLogoutUrl": "Adress för utloggning (single logout)",
  "loginAdmin.samlSingleLogoutUrlHelp":
    "Identitetsleverantörens adress för SAML single logout (HTTP-Redirect). Lämna tom om den saknas: då loggas personen bara ut ur Frid och får veta att inloggningen hos leverantören kan vara kvar.",
  "loginAdmin.publicClient": "Ingen (publik klient)",
  "loginAdmin.enabled": "Aktiverad",
  "loginAdmin.disabled": "Avstängd",
  "loginAdmin.actions": "Åtgärder",
  "loginAdmin.edit": "Ändra",
  "loginAdmin.editLabel": "Ändra {name}",
  "loginAdmin.disable": "Stäng av",
  "loginAdmin.disableLabel": "Stäng av {name}",
  "loginAdmin.enable": "Aktivera",
  "loginAdmin.enableLabel": "Aktivera {name}",
  "loginAdmin.providerCreated": "Identitetsleverantören {name} är tillagd.",
  "loginAdmin.providerSaved": "Ändringarna i {name} är sparade.",
  "loginAdmin.providerEnabled": "{name} är aktiverad.",
  "loginAdmin.providerDisabled": "{name} är avstängd.",

  "loginAdmin.addProviderTitle": "Lägg till identitetsleverantör",
  "loginAdmin.editProviderTitle": "Ändra {name}",
  "loginAdmin.oidcLegend": "OpenID Connect",
  "loginAdmin.displayName": "Namn på inloggningsknappen",
  "loginAdmin.displayNameHint":
    "Visas för personalen på inloggningssidan, t.ex. ”SITHS-kort” eller ”Freja eID”.",
  "loginAdmin.issuer": "Utfärdare (issuer)",
  "loginAdmin.issuerHint":
    "Identitetsleverantörens adress, exakt som den anger sig som issuer. Frid hämtar resten av inställningarna från adressen /.well-known/openid-configuration.",
  "loginAdmin.clientId": "Klient-id",
  "loginAdmin.clientIdHint": "Det id som identitetsleverantören gav Frid när Frid registrerades.",
  "loginAdmin.clientSecretEnv": "Miljövariabel med klienthemligheten",
  "loginAdmin.clientSecretEnvHint":
    "Skriv NAMNET på miljövariabeln, aldrig själva hemligheten: den läggs i serverns miljö och sparas inte i Frid. Namnet börjar med FRID_OIDC_SECRET_, t.ex. FRID_OIDC_SECRET_INERA. Lämna tomt för en publik klient (bara PKCE).",
  "loginAdmin.scopes": "Scope",
  "loginAdmin.scopesHint":
    "Börjar med openid, med mellanslag mellan värdena, t.ex. ”openid profile”. Leverantören talar om vilka scope som ger identifieraren.",
  "loginAdmin.identifierKind": "Sorts identifierare",
  "loginAdmin.identifierKindHint":
    "Vad inloggningen matchas mot. Varje konto behöver en identifierare av den sorten.",
  "loginAdmin.identifierClaim": "Claim med identifieraren",
  "loginAdmin.identifierClaimHint":
    "Det claim i ID-token som har värdet, för {kind} oftast {claim}.",
  "loginAdmin.acrValues": "Krav på tillitsnivå (acr-värden)",
  "loginAdmin.acrValuesHint":
    "Ett värde per rad. För SITHS, Freja eID och BankID: {loa3} (tillitsnivå 3). En inloggning på den nivån räknas som tvåstegsverifiering. Minst ett värde krävs: en inloggning som inte hålls till någon nivå avvisas.",
  "loginAdmin.useLoa3": "Använd tillitsnivå 3 (LoA3)",
  "loginAdmin.enabledField": "Aktiverad (visas på inloggningssidan)",
  "loginAdmin.addProviderSubmit": "Lägg till identitetsleverantör",
  "loginAdmin.saveProviderSubmit": "Spara ändringarna",
  "loginAdmin.cancelEdit": "Avbryt",

  "loginAdmin.protocol": "Protokoll",
  "loginAdmin.protocolHint":
    "Vilket protokoll identitetsleverantören talar. Inera (SITHS), Freja eID och BankID via en mäklare talar ofta båda; Sweden Connect och eIDAS-noden bara SAML.",
  "loginAdmin.protocol.oidc": "OpenID Connect",
  "loginAdmin.protocol.saml": "SAML 2.0",
  "loginAdmin.addSamlProviderTitle": "Lägg till SAML-leverantör",
  "loginAdmin.samlLegend": "SAML 2.0",
  "loginAdmin.entityId": "Identitetsleverantörens entity id",
  "loginAdmin.entityIdHint":
    "Exakt som leverantören anger sig i sin metadata (entityID), t.ex. https://idp.inera.se/idp. Frid godtar bara svar som är utfärdade av det.",
  "loginAdmin.ssoUrl": "Adress för single sign-on",
  "loginAdmin.ssoUrlHint":
    "Leverantörens SingleSignOnService för HTTP-Redirect, ur dess metadata. Dit skickar Frid personen för att logga in.",
  "loginAdmin.certificates": "Signeringscertifikat",
  "loginAdmin.certificatesHint":
    "Leverantörens certifikat för signering, ur dess metadata. Frid godtar bara intyg som är signerade med något av dem. Lägg in två medan leverantören byter nyckel, högst fem.",
  "loginAdmin.certificate": "Certifikat {n}",
  "loginAdmin.certificateHint":
    "Klistra in certifikatet i PEM-form, från -----BEGIN CERTIFICATE----- till -----END CERTIFICATE-----, eller base64-värdet ur metadatans X509Certificate.",
  "loginAdmin.addCertificate": "Lägg till ett certifikat till",
  "loginAdmin.removeCertificate": "Ta bort certifikat {n}",
  "loginAdmin.replaceCertificates": "Byt certifikat (klistra in alla som ska gälla)",
  "loginAdmin.certificatesOf": "Certifikat för {name}",
  "loginAdmin.certificateItem": "{subject}, giltigt till {until}",
  "loginAdmin.identifierAttribute": "Attribut med identifieraren",
  "loginAdmin.identifierAttributeHint":
    "Det attribut i intyget som har värdet, för {kind} oftast {claim}. Personnummer: urn:oid:1.2.752.29.4.13, HSA-id: urn:oid:1.2.752.29.6.2.1. Skriv NameID om personen identifieras av intygets NameID.",
  "loginAdmin.authnContextClassRefs": "Krav på tillitsnivå (AuthnContextClassRef)",
  "loginAdmin.spMetadata": "Frids SP-metadata för {name}",
  "loginAdmin.spMetadataHint":
    "Ge leverantören (eller federationen) adressen till Frids metadata: där står Frids entity id och adressen som svaret skickas till.",
  "loginAdmin.missingAcr": "Saknar krav på tillitsnivå – inloggning avvisas",

  "identifierKind.hsa_id": "HSA-id",
  "identifierKind.personal_identity_number": "Personnummer",
  "identifierKind.email": "E-postadress",
  "identifierKind.sub": "sub (leverantörens id för personen)",

  "loginAdmin.policyTitle": "Lösenord",
  "loginAdmin.policyOn":
    "Personalen får logga in med lösenord som Frid håller, med tvåstegsverifiering.",
  "loginAdmin.policyOff":
    "Inloggning med lösenord är avstängd. Bara nödkontot kan logga in med lösenord; alla andra loggar in genom identitetsleverantören.",
  "loginAdmin.policyConsequence":
    "Om du stänger av lösenorden kan ingen annan än nödkontot logga in med lösenord, och nödkontot loggar då in med sin hårdvarunyckel. Den som inte har en identifierare hos en aktiverad identitetsleverantör kommer inte in i Frid. Frid vägrar stänga av lösenorden så länge det inte finns ett aktivt nödkonto med hårdvarunyckel.",
  "loginAdmin.turnOff": "Stäng av inloggning med lösenord",
  "loginAdmin.turnOn": "Tillåt inloggning med lösenord",
  "loginAdmin.policyTurnedOff": "Inloggning med lösenord är avstängd.",
  "loginAdmin.policyTurnedOn": "Inloggning med lösenord är tillåten.",
  // Why passwords are on or off (LoginPolicy.localPasswordsBasis, issue 21 item 4).
  "loginAdmin.basis.chosen": "Så har organisationen själv valt.",
  "loginAdmin.basis.default": "Standardläget: lösenord är tillåtna tills ni stänger av dem.",
  "loginAdmin.basis.production_default":
    "Standardläget i drift: lösenorden är avstängda eftersom organisationen har en aktiverad identitetsleverantör och ett nödkonto med hårdvarunyckel. Ni kan välja annorlunda.",
  "loginAdmin.basis.production_default_kept_on":
    "Lösenorden är fortfarande tillåtna. I drift stängs de av när en identitetsleverantör är aktiverad – men först när det finns ett aktivt nödkonto, en systemförvaltare med hårdvarunyckel. Markera ett nödkonto och låt det lägga till sin nyckel.",

  "loginAdmin.breakGlassTitle": "Nödkonto",
  "loginAdmin.breakGlassIntro":
    "Nödkontot är en systemförvaltare som behåller sin inloggning med lösenord när lösenorden är avstängda, för dagar då identitetsleverantören inte svarar. Då loggar kontot in med en hårdvarunyckel – en säkerhetsnyckel bunden till sin enhet, inte en synkad passkey – som kontots innehavare lägger till under Mitt konto. Ge kontot minst två nycklar.",
  "loginAdmin.noBreakGlass": "Det finns inget nödkonto.",
  "loginAdmin.breakGlassList": "Nödkonton",
  "loginAdmin.hasKey": "har hårdvarunyckel",
  "loginAdmin.noKey": "saknar hårdvarunyckel – kan inte logga in medan lösenorden är avstängda",
  "loginAdmin.unmark": "Ta bort som nödkonto",
  "loginAdmin.unmarkLabel": "Ta bort {name} som nödkonto",
  "loginAdmin.markTitle": "Markera nödkonto",
  "loginAdmin.markAccount": "Systemförvaltare",
  "loginAdmin.markAccountHint": "Bara aktiva systemförvaltare kan vara nödkonto.",
  "loginAdmin.noCandidates": "Det finns ingen annan systemförvaltare att välja.",
  "loginAdmin.markSubmit": "Markera som nödkonto",
  "loginAdmin.marked": "{name} är nödkonto.",
  "loginAdmin.unmarked": "{name} är inte längre nödkonto.",

  "identifiers.title": "Inloggning genom identitetsleverantör",
  "identifiers.intro":
    "Identifierare som kopplar en inloggning hos organisationens identitetsleverantör till det här kontot. Ett personnummer sparas bara som ett nyckelhashat värde och kan inte visas igen.",
  "identifiers.none": "Kontot har inga identifierare.",
  "identifiers.list": "Identifierare",
  "identifiers.storedNumber": "sparat (visas inte)",
  "identifiers.atProvider": "{value} hos {provider}",
  "identifiers.remove": "Ta bort",
  "identifiers.removeLabel": "Ta bort {kind}",
  "identifiers.removed": "Identifieraren är borttagen.",
  "identifiers.addTitle": "Lägg till identifierare",
  "identifiers.kind": "Sorts identifierare",
  "identifiers.value": "Värde",
  "identifiers.valueHint.hsa_id": "T.ex. SE2321000032-abc1.",
  "identifiers.valueHint.personal_identity_number":
    "ÅÅÅÅMMDD-NNNN. Numret visas inte igen när det är sparat.",
  "identifiers.valueHint.email":
    "Den adress som identitetsleverantören skickar, t.ex. namn@kommun.se.",
  "identifiers.valueHint.sub": "Exakt det värde leverantören skickar som sub för personen.",
  "identifiers.provider": "Identitetsleverantör",
  "identifiers.providerHint": "Ett sub gäller bara hos den leverantör som gav det.",
  "identifiers.noProviders": "Lägg först till en identitetsleverantör under Inloggning.",
  "identifiers.addSubmit": "Lägg till identifierare",
  "identifiers.added": "Identifieraren är tillagd.",

  "accountImport.title": "Importera konton från fil",
  "accountImport.intro":
    "Skapa och uppdatera många konton på en gång från en CSV-fil, t.ex. en export från personalsystemet. Konton som skapas får inget lösenord: personen loggar in genom identitetsleverantören med sitt HSA-id, personnummer eller sin e-postadress. En import lägger till roller och identifierare men tar aldrig bort några.",
  "accountImport.headerIntro": "Första raden ska vara (i valfri ordning):",
  "accountImport.columnsHint":
    "roles: rollkoder, flera skiljs med | (t.ex. caseworker|therapist). unit: enhetens namn som i Frid; tomt bara för administrator och analyst. Komma eller semikolon mellan fälten, filen sparad som UTF-8. Högst 5 000 konton per fil.",
  "accountImport.file": "CSV-fil",
  "accountImport.fileHint": "Först en provkörning: inget sparas förrän du importerar.",
  "accountImport.noFile": "Välj en CSV-fil.",
  "accountImport.dryRun": "Provkör importen",
  "accountImport.caption":
    "Provkörning: {create} skapas, {update} ändras, {unchanged} oförändrade, {error} med fel",
  "accountImport.line": "Rad",
  "accountImport.outcome": "Resultat",
  "accountImport.details": "Vad som ändras eller vad som är fel",
  "accountImport.outcome.create": "Skapas",
  "accountImport.outcome.update": "Ändras",
  "accountImport.outcome.unchanged": "Oförändrat",
  "accountImport.outcome.error": "Fel",
  "accountImport.change.name": "namn",
  "accountImport.change.roles": "roller",
  "accountImport.readyToApply":
    "Filen kan importeras. Konton som skapas eller ändras: {count}, allt på en gång.",
  "accountImport.nothingToDo": "Alla konton i filen är redan som filen säger: inget att importera.",
  "accountImport.fixFirst":
    "Rader med fel: {count}. Inget kan importeras förrän filen är rättad: rätta raderna och provkör igen.",
  "accountImport.apply": "Importera filen",
  "accountImport.applied":
    "Importen är klar. Skapade: {create}, ändrade: {update}, oförändrade: {unchanged}.",
} as const;
