package tffunc

import (
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"hash"

	"github.com/google/uuid"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/gocty"
	"golang.org/x/crypto/ssh"
)

// digest is one of Terraform's hash functions: a hash and the encoding of its sum.
type digest struct {
	name string
	hash func() hash.Hash
	enc  func([]byte) string
}

var (
	md5Digest          = digest{"md5", md5.New, hex.EncodeToString}
	sha1Digest         = digest{"sha1", sha1.New, hex.EncodeToString}
	sha256Digest       = digest{"sha256", sha256.New, hex.EncodeToString}
	sha512Digest       = digest{"sha512", sha512.New, hex.EncodeToString}
	base64Sha256Digest = digest{"base64sha256", sha256.New, base64.StdEncoding.EncodeToString}
	base64Sha512Digest = digest{"base64sha512", sha512.New, base64.StdEncoding.EncodeToString}

	// digests are those with a file function: filemd5, …, filebase64sha512.
	digests = []digest{md5Digest, sha1Digest, sha256Digest, sha512Digest, base64Sha256Digest, base64Sha512Digest}
)

func (d digest) sum(b []byte) string {
	h := d.hash()
	h.Write(b)
	return d.enc(h.Sum(nil))
}

// stringHashFunc hashes a string's UTF-8 bytes (md5, sha1, …, base64sha512).
func stringHashFunc(d digest) function.Function {
	return function.New(&function.Spec{
		Description:  "Returns the " + d.name + " digest of a string's UTF-8 bytes.",
		Params:       []function.Parameter{{Name: "str", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(d.sum([]byte(args[0].AsString()))), nil
		},
	})
}

// fileHashFunc hashes a file inside the linted directory (filemd5, …, filebase64sha512).
func fileHashFunc(files *Files, d digest) function.Function {
	return function.New(&function.Spec{
		Description:  "Returns the " + d.name + " digest of a file inside the linted directory.",
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if files == nil {
				return cty.NilVal, noFiles()
			}
			b, err := files.Read(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(d.sum(b)), nil
		},
	})
}

// uuidV5Func is Terraform's uuidv5: deterministic, so evaluated.
var uuidV5Func = function.New(&function.Spec{
	Description: "Returns the name-based (version 5) UUID of a name in a namespace (dns, url, oid, x500 or a UUID).",
	Params: []function.Parameter{
		{Name: "namespace", Type: cty.String}, {Name: "name", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var ns uuid.UUID
		switch s := args[0].AsString(); s {
		case "dns":
			ns = uuid.NameSpaceDNS
		case "url":
			ns = uuid.NameSpaceURL
		case "oid":
			ns = uuid.NameSpaceOID
		case "x500":
			ns = uuid.NameSpaceX500
		default:
			var err error
			if ns, err = uuid.Parse(s); err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "namespace %q is neither dns, url, oid, x500 nor a UUID: %s", s, err)
			}
		}
		return cty.StringVal(uuid.NewSHA1(ns, []byte(args[1].AsString())).String()), nil
	},
})

// bcryptFunc is Terraform's bcrypt, whose result is salted at random: unknown until apply. The arguments are
// checked as Terraform checks them.
var bcryptFunc = function.New(&function.Spec{
	Description: "Returns an unknown string: a bcrypt hash is salted at random, so it is only known when Terraform applies the configuration.",
	Params:      []function.Parameter{{Name: "str", Type: cty.String}},
	VarParam:    &function.Parameter{Name: "cost", Type: cty.Number},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 2 {
			return cty.NilType, function.NewArgErrorf(2, "bcrypt takes no more than two arguments")
		}
		return cty.String, nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if len(args) == 2 {
			var cost int
			if err := gocty.FromCtyValue(args[1], &cost); err != nil {
				return cty.NilVal, function.NewArgErrorf(1, "the cost must be a whole number: %s", err)
			}
			if cost > 31 { // below 4, bcrypt takes its default of 10
				return cty.NilVal, function.NewArgErrorf(1, "the cost must be at most 31, not %d", cost)
			}
		}
		if len(args[0].AsString()) > 72 {
			return cty.NilVal, function.NewArgErrorf(0, "bcrypt hashes at most 72 bytes; this string has %d", len(args[0].AsString()))
		}
		return cty.UnknownVal(cty.String).RefineNotNull(), nil
	},
})

// rsaDecryptFunc is Terraform's rsadecrypt: PKCS #1 v1.5 decryption of Base64 ciphertext with a PEM private key.
var rsaDecryptFunc = function.New(&function.Spec{
	Description: "Decrypts Base64-encoded RSA ciphertext with a PEM-encoded private key.",
	Params: []function.Parameter{
		{Name: "ciphertext", Type: cty.String}, {Name: "privatekey", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		b, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "the ciphertext must be Base64-encoded: %s", err)
		}
		raw, err := ssh.ParseRawPrivateKey([]byte(args[1].AsString()))
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(1, "invalid private key: %s", err)
		}
		key, ok := raw.(*rsa.PrivateKey)
		if !ok {
			return cty.NilVal, function.NewArgErrorf(1, "the private key must be an RSA key, not %T", raw)
		}
		out, err := rsa.DecryptPKCS1v15(nil, key, b)
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "failed to decrypt: %s", err)
		}
		return cty.StringVal(string(out)), nil
	},
})
