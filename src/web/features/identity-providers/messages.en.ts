import type { MessagesOf } from "../../i18n/messages";
import type { identityProvidersSv } from "./messages.sv";

// English texts of features/identity-providers: exactly the keys and placeholders of messages.sv.ts.
export const identityProvidersEn: MessagesOf<typeof identityProvidersSv> = {
  "loginAdmin.title": "Login",
  "loginAdmin.back": "Back to administration",
  "loginAdmin.adminLinkIntro":
    "Identity providers (SITHS, Freja eID, BankID, Azure AD), whether passwords may be used and which account is the break-glass account.",
  "loginAdmin.adminLink": "Login settings",
  "loginAdmin.intro":
    "Here you decide how staff log in: through the organisation's identity provider and, if you wish, with passwords Frid keeps itself. Frid never creates an account at a login – each account needs an identifier, which you give it on the user's page.",

  "loginAdmin.providersTitle": "Identity providers",
  "loginAdmin.providersCaption": "The organisation's identity providers",
  "loginAdmin.noProviders": "The organisation has no identity provider yet.",
  "loginAdmin.providerName": "Name",
  "loginAdmin.providerIssuer": "Issuer",
  "loginAdmin.providerIdentifier": "Identifier",
  "loginAdmin.providerAcr": "Required assurance level",
  "loginAdmin.providerSecret": "Client secret",
  "loginAdmin.providerStatus": "Status",
  "loginAdmin.secretSet": "{name} is set in the server's environment",
  "loginAdmin.secretMissing": "{name} is missing from the server's environment",
  "loginAdmin.samlWantEncrypted": "Require encrypted assertions",
  "loginAdmin.samlWantEncryptedHelp":
    "The identity provider encrypts the assertion to Frid's certificate (in Frid's SAML metadata), as Sweden Connect requires. A plain assertion is then refused, even when signed.",
  "loginAdmin.samlEncrypted": "Requires encrypted assertions",
  "loginAdmin.samlNotEncrypted": "Assertions need not be encrypted",
  "loginAdmin.samlSingleLogoutAt": "Logout at the provider:",
  "loginAdmin.samlNoSingleLogout": "No logout at the provider (single logout)",
  "loginAdmin.samlSingleLogoutUrl": "Logout address (single logout)",
  "loginAdmin.samlSingleLogoutUrlHelp":
    "The identity provider's SAML single logout address (HTTP-Redirect). Leave it empty if it has none: the person is then logged out of Frid only and told their login at the provider may still be open.",
  "loginAdmin.publicClient": "None (public client)",
  "loginAdmin.enabled": "Enabled",
  "loginAdmin.disabled": "Disabled",
  "loginAdmin.actions": "Actions",
  "loginAdmin.edit": "Edit",
  "loginAdmin.editLabel": "Edit {name}",
  "loginAdmin.disable": "Disable",
  "loginAdmin.disableLabel": "Disable {name}",
  "loginAdmin.enable": "Enable",
  "loginAdmin.enableLabel": "Enable {name}",
  "loginAdmin.providerCreated": "The identity provider {name} has been added.",
  "loginAdmin.providerSaved": "The changes to {name} have been saved.",
  "loginAdmin.providerEnabled": "{name} is enabled.",
  "loginAdmin.providerDisabled": "{name} is disabled.",

  "loginAdmin.addProviderTitle": "Add identity provider",
  "loginAdmin.editProviderTitle": "Edit {name}",
  "loginAdmin.oidcLegend": "OpenID Connect",
  "loginAdmin.displayName": "Name of the login button",
  "loginAdmin.displayNameHint":
    "Shown to staff on the login page, e.g. “SITHS card” or “Freja eID”.",
  "loginAdmin.issuer": "Issuer",
  "loginAdmin.issuerHint":
    "The identity provider's address, exactly as it names itself as issuer. Frid reads the rest of the settings from /.well-known/openid-configuration at that address.",
  "loginAdmin.clientId": "Client id",
  "loginAdmin.clientIdHint": "The id the identity provider gave Frid when Frid was registered.",
  "loginAdmin.clientSecretEnv": "Environment variable holding the client secret",
  "loginAdmin.clientSecretEnvHint":
    "Write the NAME of the environment variable, never the secret itself: it goes into the server's environment and is not stored in Frid. The name starts with FRID_OIDC_SECRET_, e.g. FRID_OIDC_SECRET_INERA. Leave empty for a public client (PKCE only).",
  "loginAdmin.scopes": "Scopes",
  "loginAdmin.scopesHint":
    "Starts with openid, values separated by spaces, e.g. “openid profile”. The provider tells which scopes give the identifier.",
  "loginAdmin.identifierKind": "Kind of identifier",
  "loginAdmin.identifierKindHint":
    "What the login is matched against. Every account needs an identifier of that kind.",
  "loginAdmin.identifierClaim": "Claim holding the identifier",
  "loginAdmin.identifierClaimHint":
    "The ID token's claim with the value, for {kind} usually {claim}.",
  "loginAdmin.acrValues": "Required assurance level (acr values)",
  "loginAdmin.acrValuesHint":
    "One value per line. For SITHS, Freja eID and BankID: {loa3} (level of assurance 3). A login at that level counts as multi-factor. At least one value is required: a login held to no level is refused.",
  "loginAdmin.useLoa3": "Use level of assurance 3 (LoA3)",
  "loginAdmin.enabledField": "Enabled (shown on the login page)",
  "loginAdmin.addProviderSubmit": "Add identity provider",
  "loginAdmin.saveProviderSubmit": "Save changes",
  "loginAdmin.cancelEdit": "Cancel",

  "loginAdmin.protocol": "Protocol",
  "loginAdmin.protocolHint":
    "Which protocol the identity provider speaks. Inera (SITHS), Freja eID and BankID through a broker often speak both; Sweden Connect and the eIDAS node only SAML.",
  "loginAdmin.protocol.oidc": "OpenID Connect",
  "loginAdmin.protocol.saml": "SAML 2.0",
  "loginAdmin.addSamlProviderTitle": "Add SAML provider",
  "loginAdmin.samlLegend": "SAML 2.0",
  "loginAdmin.entityId": "The identity provider's entity id",
  "loginAdmin.entityIdHint":
    "Exactly as the provider names itself in its metadata (entityID), e.g. https://idp.inera.se/idp. Frid accepts only answers issued by it.",
  "loginAdmin.ssoUrl": "Single sign-on address",
  "loginAdmin.ssoUrlHint":
    "The provider's SingleSignOnService for HTTP-Redirect, from its metadata. Frid sends the person there to log in.",
  "loginAdmin.certificates": "Signing certificates",
  "loginAdmin.certificatesHint":
    "The provider's signing certificates, from its metadata. Frid accepts only assertions signed with one of them. Add two while the provider changes its key, at most five.",
  "loginAdmin.certificate": "Certificate {n}",
  "loginAdmin.certificateHint":
    "Paste the certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, or the base64 value of the metadata's X509Certificate.",
  "loginAdmin.addCertificate": "Add another certificate",
  "loginAdmin.removeCertificate": "Remove certificate {n}",
  "loginAdmin.replaceCertificates": "Replace the certificates (paste every one that should hold)",
  "loginAdmin.certificatesOf": "Certificates of {name}",
  "loginAdmin.certificateItem": "{subject}, valid until {until}",
  "loginAdmin.identifierAttribute": "Attribute holding the identifier",
  "loginAdmin.identifierAttributeHint":
    "The assertion's attribute that holds the value, for {kind} usually {claim}. Personal identity number: urn:oid:1.2.752.29.4.13, HSA-id: urn:oid:1.2.752.29.6.2.1. Write NameID if the assertion's NameID identifies the person.",
  "loginAdmin.authnContextClassRefs": "Required assurance level (AuthnContextClassRef)",
  "loginAdmin.spMetadata": "Frid's SP metadata for {name}",
  "loginAdmin.spMetadataHint":
    "Give the provider (or the federation) the address of Frid's metadata: it holds Frid's entity id and the address the answer is sent to.",
  "loginAdmin.missingAcr": "No assurance level required – logins are refused",

  "identifierKind.hsa_id": "HSA id",
  "identifierKind.personal_identity_number": "Personal identity number",
  "identifierKind.email": "E-mail address",
  "identifierKind.sub": "sub (the provider's id for the person)",

  "loginAdmin.policyTitle": "Passwords",
  "loginAdmin.policyOn": "Staff may log in with passwords Frid keeps, with a second factor.",
  "loginAdmin.policyOff":
    "Password login is turned off. Only the break-glass account may log in with a password; everyone else logs in through the identity provider.",
  "loginAdmin.policyConsequence":
    "If you turn passwords off, nobody but the break-glass account can log in with a password, and it then logs in with its hardware key. Whoever has no identifier at an enabled identity provider cannot get into Frid. Frid refuses to turn passwords off while there is no active break-glass account with a hardware key.",
  "loginAdmin.turnOff": "Turn password login off",
  "loginAdmin.turnOn": "Allow password login",
  "loginAdmin.policyTurnedOff": "Password login is turned off.",
  "loginAdmin.policyTurnedOn": "Password login is allowed.",
  "loginAdmin.basis.chosen": "This is the organisation's own choice.",
  "loginAdmin.basis.default": "The default: passwords are allowed until you turn them off.",
  "loginAdmin.basis.production_default":
    "The default in production: passwords are off because the organisation has an enabled identity provider and a break-glass account with a hardware key. You may choose otherwise.",
  "loginAdmin.basis.production_default_kept_on":
    "Passwords are still allowed. In production they go off once an identity provider is enabled — but only when there is an active break-glass account, an administrator with a hardware key. Mark a break-glass account and have it add its key.",

  "loginAdmin.breakGlassTitle": "Break-glass account",
  "loginAdmin.breakGlassIntro":
    "The break-glass account is an administrator who keeps a password login when passwords are turned off, for days when the identity provider does not answer. It then logs in with a hardware key – a security key bound to its device, not a synced passkey – which the account's holder adds under My account. Give the account at least two keys.",
  "loginAdmin.noBreakGlass": "There is no break-glass account.",
  "loginAdmin.breakGlassList": "Break-glass accounts",
  "loginAdmin.hasKey": "has a hardware key",
  "loginAdmin.noKey": "has no hardware key – cannot log in while passwords are off",
  "loginAdmin.unmark": "Remove as break-glass account",
  "loginAdmin.unmarkLabel": "Remove {name} as break-glass account",
  "loginAdmin.markTitle": "Mark a break-glass account",
  "loginAdmin.markAccount": "Administrator",
  "loginAdmin.markAccountHint": "Only active administrators can be break-glass accounts.",
  "loginAdmin.noCandidates": "There is no other administrator to choose.",
  "loginAdmin.markSubmit": "Mark as break-glass account",
  "loginAdmin.marked": "{name} is a break-glass account.",
  "loginAdmin.unmarked": "{name} is no longer a break-glass account.",

  "identifiers.title": "Login through an identity provider",
  "identifiers.intro":
    "Identifiers that link a login at the organisation's identity provider to this account. A personal identity number is stored only as a keyed hash and cannot be shown again.",
  "identifiers.none": "The account has no identifiers.",
  "identifiers.list": "Identifiers",
  "identifiers.storedNumber": "stored (not shown)",
  "identifiers.atProvider": "{value} at {provider}",
  "identifiers.remove": "Remove",
  "identifiers.removeLabel": "Remove {kind}",
  "identifiers.removed": "The identifier has been removed.",
  "identifiers.addTitle": "Add identifier",
  "identifiers.kind": "Kind of identifier",
  "identifiers.value": "Value",
  "identifiers.valueHint.hsa_id": "E.g. SE2321000032-abc1.",
  "identifiers.valueHint.personal_identity_number":
    "YYYYMMDD-NNNN. The number is not shown again once stored.",
  "identifiers.valueHint.email":
    "The address the identity provider sends, e.g. name@municipality.se.",
  "identifiers.valueHint.sub": "Exactly the value the provider sends as sub for the person.",
  "identifiers.provider": "Identity provider",
  "identifiers.providerHint": "A sub holds only at the provider that gave it.",
  "identifiers.noProviders": "First add an identity provider under Login.",
  "identifiers.addSubmit": "Add identifier",
  "identifiers.added": "The identifier has been added.",

  "accountImport.title": "Import accounts from a file",
  "accountImport.intro":
    "Create and update many accounts at once from a CSV file, e.g. an export from the HR system. Accounts created get no password: the person logs in through the identity provider with their HSA id, personal identity number or e-mail address. An import adds roles and identifiers but never removes any.",
  "accountImport.headerIntro": "The first line must be (in any order):",
  "accountImport.columnsHint":
    "roles: role codes, several separated by | (e.g. caseworker|therapist). unit: the unit's name as in Frid; empty only for administrator and analyst. Comma or semicolon between fields, the file saved as UTF-8. At most 5,000 accounts per file.",
  "accountImport.file": "CSV file",
  "accountImport.fileHint": "A dry run first: nothing is saved until you import.",
  "accountImport.noFile": "Choose a CSV file.",
  "accountImport.dryRun": "Dry-run the import",
  "accountImport.caption":
    "Dry run: {create} to create, {update} to change, {unchanged} unchanged, {error} with errors",
  "accountImport.line": "Line",
  "accountImport.outcome": "Result",
  "accountImport.details": "What changes or what is wrong",
  "accountImport.outcome.create": "Created",
  "accountImport.outcome.update": "Changed",
  "accountImport.outcome.unchanged": "Unchanged",
  "accountImport.outcome.error": "Error",
  "accountImport.change.name": "name",
  "accountImport.change.roles": "roles",
  "accountImport.readyToApply":
    "The file can be imported. Accounts created or changed: {count}, all at once.",
  "accountImport.nothingToDo":
    "Every account in the file is already as the file says: nothing to import.",
  "accountImport.fixFirst":
    "Lines with errors: {count}. Nothing can be imported until the file is corrected: correct the lines and dry-run again.",
  "accountImport.apply": "Import the file",
  "accountImport.applied":
    "The import is done. Created: {create}, changed: {update}, unchanged: {unchanged}.",
};
